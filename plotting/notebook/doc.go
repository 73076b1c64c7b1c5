// Package notebook is the only package of receptive that talks to the GoNB
// kernel (through gonbui). It shows figures as PNG, Markdown and HTML, draws
// a progress bar updated in place, and tells widget cells whether a browser
// is attached.
//
// Outside a notebook (gonbui.IsNotebook is false) the display functions
// return ErrNotNotebook and Progress writes to standard error, so code that
// uses them also runs from the command line.
//
// Every cell that displays something should end with Sync (or defer it):
// output sent just before a cell's program exits is otherwise lost.
package notebook
