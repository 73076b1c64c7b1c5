package tests

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNotebooks executes every notebooks/*.ipynb through the GoNB kernel.
func TestNotebooks(t *testing.T) {
	if err := CheckToolchain(); err != nil {
		t.Fatal(err) // never skip silently: the gate must run
	}
	nbs, err := filepath.Glob("../notebooks/*.ipynb")
	if err != nil || len(nbs) == 0 {
		t.Fatalf("no notebooks found in ../notebooks (%v)", err)
	}
	for _, nb := range nbs {
		name := filepath.Base(nb)
		want, err := ExpectedImages(nb)
		if err != nil {
			t.Error(err)
			continue
		}
		t.Run(strings.TrimSuffix(name, ".ipynb"), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
			defer cancel()
			ex, err := Execute(ctx, nb, t.TempDir(), 15*time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d figures in %v", name, len(ex.Images), ex.Elapsed.Round(time.Second))
			if len(ex.Errors) > 0 {
				t.Errorf("cell errors: %v", ex.Errors)
			}
			if len(ex.Images) < want {
				t.Errorf("showed %d figures, its metadata expects at least %d", len(ex.Images), want)
			}
			for i, img := range ex.Images {
				blank, err := Blank(img)
				if err != nil {
					t.Errorf("figure %d is not a valid PNG: %v", i+1, err)
				} else if blank {
					t.Errorf("figure %d is blank (a single colour)", i+1)
				}
			}
		})
	}
}

// TestGateCatchesFailures checks the gate itself: a notebook whose cell does
// not compile, and one whose cell panics, must fail with the cell's error.
func TestGateCatchesFailures(t *testing.T) {
	if err := CheckToolchain(); err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct{ code, wantInError string }{
		"compile": {"%%\nvar x int = \"not an int\"\n_ = x", "cannot use \"not an int\""},
		"panic":   {"%%\npanic(\"boom\" + \" from a cell\")", "panic: boom from a cell"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			nb := filepath.Join(dir, "bad.ipynb")
			if err := os.WriteFile(nb, []byte(oneCellNotebook(c.code)), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			_, err := Execute(ctx, nb, filepath.Join(dir, "out"), 2*time.Minute)
			if err == nil {
				t.Fatal("a failing cell passed the gate")
			}
			if !strings.Contains(err.Error(), c.wantInError) {
				t.Errorf("the gate's report does not show the cell's error %q:\n%v", c.wantInError, err)
			}
		})
	}
}

func oneCellNotebook(code string) string {
	var lines []string
	for _, l := range strings.Split(code, "\n") {
		lines = append(lines, `"`+strings.ReplaceAll(strings.ReplaceAll(l, `\`, `\\`), `"`, `\"`)+`\n"`)
	}
	return `{"cells":[{"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":[` +
		strings.Join(lines, ",") + `]}],"metadata":{"kernelspec":{"display_name":"Go (gonb)","language":"go","name":"gonb"}},"nbformat":4,"nbformat_minor":5}`
}

func TestBlank(t *testing.T) {
	// A tiny one-colour PNG and a two-colour one, made with image/png.
	one, two := testPNG(false), testPNG(true)
	if b, err := Blank(one); err != nil || !b {
		t.Errorf("one-colour PNG: blank=%v err=%v, want blank", b, err)
	}
	if b, err := Blank(two); err != nil || b {
		t.Errorf("two-colour PNG: blank=%v err=%v, want not blank", b, err)
	}
}
