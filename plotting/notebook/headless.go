package notebook

import (
	"os"
	"strings"
)

// HeadlessEnv is the environment variable that marks a headless run. The
// Makefile and the notebook test set it when they execute notebooks through
// nbconvert, where no browser answers widget messages.
const HeadlessEnv = "RECEPTIVE_HEADLESS"

// Headless reports whether no browser is attached: outside a notebook, or
// when RECEPTIVE_HEADLESS is set to a value other than "", "0" or "false".
//
// GoNB widgets block in Done() until a front end answers, so a widget cell
// must check Headless first and render its default state statically instead:
//
//	if notebook.Headless() {
//		notebook.Show(drawAt(defaultW, defaultP))
//		return
//	}
//	slider := widgets.Slider(0, 100, 50).Done()
func Headless() bool {
	if !InNotebook() {
		return true
	}
	v := strings.ToLower(strings.TrimSpace(os.Getenv(HeadlessEnv)))
	return v != "" && v != "0" && v != "false"
}
