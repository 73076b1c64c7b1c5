package tests

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Python is Debian's interpreter, which sees Debian's Jupyter packages (another
// python3 may come first on PATH).
const Python = "/usr/bin/python3"

// SetupHint is what to run when Jupyter or the kernel is missing.
const SetupHint = "run `make setup` (scripts/setup.sh) to install Jupyter, the GoNB kernel and goimports"

// CheckToolchain reports what is missing to execute notebooks, with the
// command that installs it.
func CheckToolchain() error {
	if _, err := os.Stat(Python); err != nil {
		return fmt.Errorf("%s not found: %s", Python, SetupHint)
	}
	if out, err := exec.Command(Python, "-c", "import nbconvert, nbclient, jupyter_client").CombinedOutput(); err != nil {
		return fmt.Errorf("Jupyter (nbconvert, nbclient) is not importable by %s: %s\n%s", Python, SetupHint, out)
	}
	out, err := exec.Command(Python, "-m", "jupyter", "kernelspec", "list").CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("gonb")) {
		return fmt.Errorf("the gonb kernel is not installed: %s\n%s", SetupHint, out)
	}
	for _, tool := range []string{"go", "goimports", "gonb"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is not on PATH (the kernel needs it): %s, and put $(go env GOPATH)/bin on PATH", tool, SetupHint)
		}
	}
	return nil
}

// Executed is the result of running one notebook.
type Executed struct {
	Path    string   // the executed notebook written by nbconvert
	Images  [][]byte // every image/png output, in order
	Errors  []string // error outputs (none when nbconvert succeeded)
	Elapsed time.Duration
}

// Execute runs notebook nb through nbconvert with the gonb kernel into
// outDir, marking the run headless. A cell error (compile error, panic,
// non-zero exit) makes it return an error that quotes each failing cell with
// its standard error and the kernel's message.
//
// nbconvert runs with --allow-errors so that the executed notebook is written
// and the failing cells' outputs can be quoted; the gate itself is the check
// of error outputs below, never nbconvert's exit status alone.
func Execute(ctx context.Context, nb, outDir string, cellTimeout time.Duration) (*Executed, error) {
	start := time.Now()
	cmd := exec.CommandContext(ctx, Python, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
		"--ExecutePreprocessor.kernel_name=gonb",
		fmt.Sprintf("--ExecutePreprocessor.timeout=%d", int(cellTimeout.Seconds())),
		"--allow-errors", "--output-dir", outDir, nb)
	cmd.Env = append(os.Environ(), "RECEPTIVE_HEADLESS=1")
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("executing %s failed (%v):\n%s", filepath.Base(nb), err, tail(stderr.String(), 6000))
	}
	out := filepath.Join(outDir, filepath.Base(nb))
	ex, err := ReadOutputs(out)
	if err != nil {
		return nil, err
	}
	ex.Elapsed = time.Since(start)
	if len(ex.Errors) > 0 {
		return ex, fmt.Errorf("%s: %d cell(s) failed:\n%s", filepath.Base(nb), len(ex.Errors), strings.Join(ex.Errors, "\n"))
	}
	return ex, nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

type ipynb struct {
	Cells []struct {
		CellType string          `json:"cell_type"`
		Source   json.RawMessage `json:"source"`
		Outputs  []struct {
			OutputType string                     `json:"output_type"`
			Name       string                     `json:"name"`
			Text       json.RawMessage            `json:"text"`
			Data       map[string]json.RawMessage `json:"data"`
			Ename      string                     `json:"ename"`
			Evalue     string                     `json:"evalue"`
		} `json:"outputs"`
	} `json:"cells"`
}

// ReadOutputs collects the PNG images and error outputs of an executed notebook.
func ReadOutputs(path string) (*Executed, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb ipynb
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("%s is not a notebook: %w", path, err)
	}
	ex := &Executed{Path: path}
	for i, c := range nb.Cells {
		var stderr strings.Builder
		for _, o := range c.Outputs {
			if o.OutputType == "stream" && o.Name == "stderr" {
				stderr.WriteString(multiline(o.Text))
			}
			if o.OutputType == "error" {
				ex.Errors = append(ex.Errors, fmt.Sprintf("--- cell %d:\n%s\n--- its standard error:\n%s--- error %s: %s",
					i+1, tail(multiline(c.Source), 800), tail(stderr.String(), 3000), o.Ename, o.Evalue))
			}
			raw, ok := o.Data["image/png"]
			if !ok {
				continue
			}
			s := multiline(raw)
			img, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(s, "\n", ""))
			if err != nil {
				return nil, fmt.Errorf("%s: bad base64 in an image/png output: %w", path, err)
			}
			ex.Images = append(ex.Images, img)
		}
	}
	return ex, nil
}

// multiline decodes an nbformat text field: a string or a list of lines.
func multiline(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var parts []string
	if json.Unmarshal(raw, &parts) == nil {
		return strings.Join(parts, "")
	}
	return ""
}

// Blank reports whether a PNG is a single colour (an empty figure).
func Blank(pngBytes []byte) (bool, error) {
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		return false, err
	}
	bd := img.Bounds()
	if bd.Empty() {
		return true, nil
	}
	first := img.At(bd.Min.X, bd.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			r, g, b, a := img.At(x, y).RGBA()
			if r != r0 || g != g0 || b != b0 || a != a0 {
				return false, nil
			}
		}
	}
	return true, nil
}

// ExpectedImages reads how many figures a notebook must show from its
// metadata: {"metadata": {"receptive": {"images": N}}}.
func ExpectedImages(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var nb struct {
		Metadata struct {
			Receptive *struct {
				Images int `json:"images"`
			} `json:"receptive"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(b, &nb); err != nil {
		return 0, fmt.Errorf("%s is not a notebook: %w", path, err)
	}
	if nb.Metadata.Receptive == nil || nb.Metadata.Receptive.Images <= 0 {
		return 0, fmt.Errorf(`%s: metadata has no "receptive": {"images": N} saying how many figures it must show`, path)
	}
	return nb.Metadata.Receptive.Images, nil
}
