package components

import "nhsdigital/content/search"

// Searcher runs site searches. It may block (in the browser it fetches
// index shards), so the browser calls it off the UI goroutine.
type Searcher interface {
	Search(q search.Query) (*search.Result, []search.Fragment, error)
}

// cachedSearcher can answer from what it already holds, without waiting.
type cachedSearcher interface {
	CachedSearch(q search.Query) (*search.Result, []search.Fragment, bool)
}
