// Command icons draws the site's app icons into web/icons: a white "D" for
// Digital on NHS blue, as PNGs at 192 and 512 px, a maskable 512 px PNG
// (the glyph inside the safe zone, the blue to the edges), the 180 px
// apple-touch icon, a 48 px favicon.ico, an SVG, and the 1200×630 image that links to the site
// show when shared (og:image: the glyph on NHS blue, in the middle).
//
//	go run ./cmd/icons
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
)

var blue = color.RGBA{0x00, 0x5e, 0xb8, 0xff}

// inD reports whether the point (x, y), in a unit square, is on the glyph:
// a vertical bar joined to a half ring.
func inD(x, y, scale float64) bool {
	// Map to glyph space centred on (0.5, 0.5), shrunk by scale.
	x = (x-0.5)/scale + 0.5
	y = (y-0.5)/scale + 0.5
	const top, bottom, left, stroke = 0.22, 0.78, 0.28, 0.12
	if y < top || y > bottom {
		return false
	}
	if x >= left && x <= left+stroke {
		return true // the bar
	}
	cx, cy := left+stroke, 0.5
	r := (bottom - top) / 2
	dx, dy := x-cx, y-cy
	// Half ring: right of the bar, an ellipse stretched a little.
	dxs := dx / 1.05
	d := math.Hypot(dxs, dy)
	if x >= cx && d <= r && d >= r-stroke {
		return true
	}
	// Top and bottom strokes from the bar to the ring.
	if x >= left && x <= cx && (y <= top+stroke || y >= bottom-stroke) {
		return true
	}
	return false
}

func draw(size int, maskable bool) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	radius := 0.18 // rounded corners for the plain icon
	scale := 1.0
	if maskable {
		radius = 0
		scale = 0.72 // keep the glyph inside the 80% safe zone
	}
	const ss = 4 // supersampling
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var bg, fg int
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/ss) / float64(size)
					if !inRounded(x, y, radius) {
						continue
					}
					if inD(x, y, scale) {
						fg++
					} else {
						bg++
					}
				}
			}
			total := float64(ss * ss)
			a := float64(bg+fg) / total
			if a == 0 {
				continue
			}
			f := float64(fg) / float64(bg+fg)
			r := uint8((float64(blue.R)*(1-f) + 255*f) * a)
			g := uint8((float64(blue.G)*(1-f) + 255*f) * a)
			b := uint8((float64(blue.B)*(1-f) + 255*f) * a)
			img.SetRGBA(px, py, color.RGBA{r, g, b, uint8(255 * a)})
		}
	}
	return img
}

// drawShare draws the share image: NHS blue, the glyph in the middle at
// the maskable icon's size relative to the height.
func drawShare(w, h int) *image.RGBA {
	big := draw(h, true)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	off := (w - h) / 2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if x >= off && x < off+h {
				img.Set(x, y, big.At(x-off, y))
			} else {
				img.SetRGBA(x, y, blue)
			}
		}
	}
	return img
}

// ico wraps a PNG in an ICO file (one image; ICO has held PNGs since
// Windows Vista), for /favicon.ico, which browsers and crawlers ask for
// whatever the page says.
func ico(img *image.RGBA) []byte {
	var p bytes.Buffer
	png.Encode(&p, img)
	b := img.Bounds()
	out := []byte{0, 0, 1, 0, 1, 0, byte(b.Dx()), byte(b.Dy()), 0, 0, 1, 0, 32, 0}
	out = binary.LittleEndian.AppendUint32(out, uint32(p.Len()))
	out = binary.LittleEndian.AppendUint32(out, 6+16)
	return append(out, p.Bytes()...)
}

func inRounded(x, y, r float64) bool {
	if r == 0 {
		return true
	}
	cx := math.Max(r, math.Min(1-r, x))
	cy := math.Max(r, math.Min(1-r, y))
	return math.Hypot(x-cx, y-cy) <= r
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-label="NHS Digital">
<rect width="100" height="100" rx="18" fill="#005eb8"/>
<path fill="#fff" fill-rule="evenodd" d="M28 22h12c16.2 0 29.4 12.5 29.4 28S56.2 78 40 78H28zM40 34v32c9.5 0 17.4-7.1 17.4-16S49.5 34 40 34z"/>
</svg>
`

func main() {
	dir := filepath.Join("web", "icons")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	for _, icon := range []struct {
		name     string
		size     int
		maskable bool
	}{{"icon-192.png", 192, false}, {"icon-512.png", 512, false}, {"maskable-512.png", 512, true}, {"apple-touch-icon.png", 180, true}} {
		f, err := os.Create(filepath.Join(dir, icon.name))
		if err != nil {
			fail(err)
		}
		if err := png.Encode(f, draw(icon.size, icon.maskable)); err != nil {
			fail(err)
		}
		f.Close()
	}
	if err := os.WriteFile(filepath.Join(dir, "favicon.ico"), ico(draw(48, false)), 0o644); err != nil {
		fail(err)
	}
	f, err := os.Create(filepath.Join(dir, "share-1200x630.png"))
	if err != nil {
		fail(err)
	}
	if err := png.Encode(f, drawShare(1200, 630)); err != nil {
		fail(err)
	}
	f.Close()
	if err := os.WriteFile(filepath.Join(dir, "icon.svg"), []byte(svg), 0o644); err != nil {
		fail(err)
	}
	fmt.Println("icons written to", dir)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
