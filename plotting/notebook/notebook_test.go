package notebook

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/receptive-go/receptive/plotting"
)

// Outside GoNB (as in go test) the display functions say so instead of
// writing to a pipe that does not exist.
func TestOutsideNotebook(t *testing.T) {
	if InNotebook() {
		t.Skip("running inside a GoNB cell")
	}
	if !Headless() {
		t.Error("Headless() = false outside a notebook")
	}
	if err := ShowPNG([]byte{1}); !errors.Is(err, ErrNotNotebook) {
		t.Errorf("ShowPNG outside a notebook: %v, want ErrNotNotebook", err)
	}
	if err := Markdown("x"); !errors.Is(err, ErrNotNotebook) {
		t.Errorf("Markdown outside a notebook: %v", err)
	}
	if err := Show(nil); err == nil {
		t.Error("Show(nil): no error")
	}
	fig, _ := plotting.NewSingle()
	fig.DPI = 0
	if err := Show(fig); err == nil || errors.Is(err, ErrNotNotebook) {
		t.Errorf("Show of an unrenderable figure: %v, want the rendering error", err)
	}
}

func TestProgressOnStderr(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress("training", 4)
	p.w = &buf
	p.Set(1)
	p.Add(3)
	p.Done()
	p.Done() // a second Done does nothing
	out := buf.String()
	if !strings.Contains(out, "training 4/4 (100%)") {
		t.Errorf("final progress line missing: %q", out)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("Done should end the line once: %q", out)
	}
}

func TestMust1(t *testing.T) {
	if v := Must1(3, nil); v != 3 {
		t.Errorf("Must1 = %d", v)
	}
	defer func() {
		if recover() == nil {
			t.Error("Must1 with an error did not stop")
		}
	}()
	Must1(0, errors.New("boom"))
}

// Outside a notebook Interactive draws the starting position once (and then
// reports that there is no notebook to show it in); bad sliders are errors.
func TestInteractiveHeadless(t *testing.T) {
	var calls [][]int
	draw := func(v []int) ([]byte, error) {
		calls = append(calls, append([]int(nil), v...))
		return []byte{1}, nil
	}
	err := Interactive([]Slider{{"a", 0, 9, 3}, {"b", 2, 7, 2}}, draw)
	if !errors.Is(err, ErrNotNotebook) {
		t.Errorf("Interactive outside a notebook: %v, want ErrNotNotebook", err)
	}
	if len(calls) != 1 || calls[0][0] != 3 || calls[0][1] != 2 {
		t.Errorf("draw calls %v, want one at the starting position [3 2]", calls)
	}
	if err := Interactive(nil, draw); err == nil {
		t.Error("no sliders: no error")
	}
	if err := Interactive([]Slider{{"a", 0, 9, 12}}, draw); err == nil {
		t.Error("start outside the range: no error")
	}
	if err := Interactive([]Slider{{"a", 0, 9, 1}}, func([]int) ([]byte, error) { return nil, errors.New("bad draw") }); err == nil || err.Error() != "bad draw" {
		t.Errorf("draw error not returned: %v", err)
	}
}
