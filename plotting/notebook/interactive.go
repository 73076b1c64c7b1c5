package notebook

import (
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"reflect"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/dom"
	"github.com/janpfeifer/gonb/gonbui/widgets"
)

// Slider is one integer slider of an interactive figure.
type Slider struct {
	Label         string
	Min, Max, Val int // range and starting position
}

// Interactive shows a figure controlled by sliders, as ipywidgets' interact
// does in Python notebooks. draw is called with the sliders' positions (in
// the order given) at the start and after every move, and returns the PNG to
// show; a "Done" button ends the cell and keeps the last figure in the saved
// output.
//
// GoNB's widgets wait for a browser, so when Headless() is true Interactive
// draws the starting position once as a static figure and returns: the cell
// works the same under nbconvert, in the gate, and in a browser.
func Interactive(sliders []Slider, draw func(vals []int) ([]byte, error)) error {
	if len(sliders) == 0 {
		return errors.New("notebook: Interactive needs at least one slider")
	}
	vals := make([]int, len(sliders))
	for i, s := range sliders {
		if s.Min > s.Max || s.Val < s.Min || s.Val > s.Max {
			return fmt.Errorf("notebook: slider %q: start %d outside [%d, %d]", s.Label, s.Val, s.Min, s.Max)
		}
		vals[i] = s.Val
	}
	png, err := draw(vals)
	if err != nil {
		return err
	}
	if Headless() {
		return ShowPNG(png)
	}

	div := dom.CreateTransientDiv()
	var chans []reflect.SelectCase
	for _, s := range sliders {
		dom.Append(div, " <b>"+html.EscapeString(s.Label)+"</b> ")
		w := widgets.Slider(s.Min, s.Max, s.Val).AppendTo(div).Done()
		chans = append(chans, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(w.Listen().LatestOnly().C)})
	}
	done := widgets.Button("Done").AppendTo(div).Done().Listen()
	chans = append(chans, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(done.C)})

	plotID := "interactive" + gonbui.UniqueId()
	show := func(png []byte) {
		gonbui.UpdateHtml(plotID, `<div class="receptive-interactive"><img src="data:image/png;base64,`+
			base64.StdEncoding.EncodeToString(png)+`"></div>`)
	}
	show(png)
	for {
		i, v, ok := reflect.Select(chans)
		if i == len(sliders) || !ok {
			break // Done, or the front end went away
		}
		vals[i] = int(v.Int())
		if png, err = draw(vals); err != nil {
			return err
		}
		show(png)
	}
	// Replace the transient view by a plain output, so that the saved
	// notebook keeps the last figure.
	gonbui.UpdateHtml(plotID, "")
	dom.Persist(div)
	return ShowPNG(png)
}
