package server

import (
	"encoding/json"
	"fmt"

	"nhsdigital/content"
)

// mdPage writes a page given as JSON (the document the site serves) as
// the Markdown file an editor would write.
func mdPage(doc string) []byte {
	md, err := content.ToMarkdown([]byte(doc))
	if err != nil {
		panic(fmt.Sprintf("%v: %s", err, doc))
	}
	return md
}

// pageDoc reads a page's Markdown file as its document.
func pageDoc(md []byte) (map[string]any, error) {
	raw, err := content.PageJSON(md)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	return doc, json.Unmarshal(raw, &doc)
}

// pageFile writes a document back as its Markdown file.
func pageFile(doc map[string]any) ([]byte, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return content.ToMarkdown(b)
}
