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
