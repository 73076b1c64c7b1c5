package tests

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

func testPNG(twoColours bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for y := range 4 {
		for x := range 4 {
			img.Set(x, y, color.White)
		}
	}
	if twoColours {
		img.Set(2, 2, color.Black)
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
