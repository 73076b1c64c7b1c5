package notebook

import (
	"fmt"
	"html"
	"io"
	"os"
	"sync"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
)

// Progress is a progress bar updated in place: an HTML <progress> element in
// a notebook, a carriage-return line on standard error elsewhere. Updates are
// throttled to one every 100 ms; Done always shows the final state. It is safe
// for concurrent use.
type Progress struct {
	mu       sync.Mutex
	label    string
	total    int
	done     int
	start    time.Time
	last     time.Time
	id       string
	w        io.Writer
	finished bool
}

// NewProgress starts a progress bar with the given label and total number of steps.
func NewProgress(label string, total int) *Progress {
	p := &Progress{label: label, total: total, start: time.Now(), w: os.Stderr}
	if gonbui.IsNotebook {
		p.id = "progress" + gonbui.UniqueId()
		gonbui.UpdateHtml(p.id, p.html())
	}
	return p
}

// Set records that n steps of the total are done.
func (p *Progress) Set(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = n
	if time.Since(p.last) < 100*time.Millisecond && n < p.total {
		return
	}
	p.last = time.Now()
	p.show()
}

// Add records k more steps done.
func (p *Progress) Add(k int) {
	p.mu.Lock()
	n := p.done + k
	p.mu.Unlock()
	p.Set(n)
}

// Done shows the final state with the elapsed time. Further calls do nothing.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.finished {
		return
	}
	p.finished = true
	p.show()
	if p.id == "" {
		fmt.Fprintln(p.w)
	}
}

func (p *Progress) text() string {
	el := time.Since(p.start).Round(10 * time.Millisecond)
	if p.total > 0 {
		return fmt.Sprintf("%s %d/%d (%.0f%%) %v", p.label, p.done, p.total, 100*float64(p.done)/float64(p.total), el)
	}
	return fmt.Sprintf("%s %d %v", p.label, p.done, el)
}

func (p *Progress) html() string {
	return fmt.Sprintf(`<progress value="%d" max="%d" style="width:40%%"></progress> <span style="font-family:monospace">%s</span>`,
		p.done, max(p.total, 1), html.EscapeString(p.text()))
}

func (p *Progress) show() {
	if p.id != "" {
		gonbui.UpdateHtml(p.id, p.html())
		return
	}
	fmt.Fprintf(p.w, "\r%s", p.text())
}
