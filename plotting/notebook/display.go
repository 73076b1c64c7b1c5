package notebook

import (
	"errors"
	"fmt"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/receptive-go/receptive/plotting"
)

// ErrNotNotebook is returned by the display functions when the program does
// not run inside a GoNB cell.
var ErrNotNotebook = errors.New("notebook: not running inside a GoNB notebook cell")

// InNotebook reports whether the program runs inside a GoNB cell.
func InNotebook() bool { return gonbui.IsNotebook }

// Show renders fig to PNG and displays it in the cell's output.
func Show(fig *plotting.Figure) error {
	if fig == nil {
		return errors.New("notebook: Show called with a nil figure")
	}
	b, err := fig.PNG()
	if err != nil {
		return err
	}
	return ShowPNG(b)
}

// ShowPNG displays PNG bytes in the cell's output.
func ShowPNG(png []byte) error {
	if !gonbui.IsNotebook {
		return ErrNotNotebook
	}
	if len(png) == 0 {
		return errors.New("notebook: ShowPNG called with no image data")
	}
	gonbui.DisplayPng(png)
	return gonbui.Error()
}

// Markdown displays Markdown text (rendered by the front end).
func Markdown(md string) error {
	if !gonbui.IsNotebook {
		return ErrNotNotebook
	}
	gonbui.DisplayMarkdown(md)
	return gonbui.Error()
}

// Markdownf formats and displays Markdown text.
func Markdownf(format string, args ...any) error {
	return Markdown(fmt.Sprintf(format, args...))
}

// HTML displays an HTML fragment.
func HTML(html string) error {
	if !gonbui.IsNotebook {
		return ErrNotNotebook
	}
	gonbui.DisplayHtml(html)
	return gonbui.Error()
}

// Sync waits until everything displayed so far has reached the kernel. Call
// it at the end of every cell that displays something.
func Sync() {
	if gonbui.IsNotebook {
		gonbui.Sync()
	}
}

// Must reports a display error in the cell's output, as a panic would, and
// stops the cell: for use in notebook glue, where an error is fatal.
func Must(err error) {
	if err != nil {
		panic(err)
	}
}

// Must1 returns v, or stops the cell with err: notebook glue for calls that
// return a value and an error.
func Must1[T any](v T, err error) T {
	Must(err)
	return v
}
