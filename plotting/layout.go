package plotting

import (
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Text metrics used for layout, as fractions of the font size: matplotlib
// measures labels with the font's ascender and descender, and centres y
// tick labels on the height of digits.
const (
	ascentFrac  = 0.76
	descentFrac = 0.24
	digitFrac   = 0.72
)

// panel is an axes ready to be drawn: its view limits are final.
type panel struct {
	a              *Axes
	xlo, xhi       float64 // view limits, lo < hi (the scale may be inverted)
	ylo, yhi       float64
	xscale, yscale plot.Normalizer
	xLabels        bool // draw x tick labels and the x label
	yLabels        bool
	sidePad        vg.Length // gap between the data area and the side panel
}

// axisData is what autoscaling knows about one axis of one axes.
type axisData struct {
	lo, hi float64    // data range; lo > hi when there is no data
	set    [2]float64 // limits from SetLimits, NaN = automatic
	sticky []float64  // values the margins must not cross
	log    bool
	tight  bool
}

// stickyEdger is implemented by the plotters of this package: they say
// which data values are hard edges (the base line of bars). Plotters that
// do not implement it (images, contours) have the edges of their data
// range as sticky edges, so they get no margins, as in matplotlib.
type stickyEdger interface {
	stickyEdges() (xs, ys []float64)
}

func (a *Axes) axisData() (x, y axisData) {
	// A side fixed by SetLimits is autoscaled from the data alone, so that
	// the other side is where matplotlib's autoscaling left it.
	pick := func(set, v, d float64) float64 {
		if math.IsNaN(set) {
			return v
		}
		return d
	}
	x = axisData{lo: pick(a.xlim[0], a.X.Min, a.data[0]), hi: pick(a.xlim[1], a.X.Max, a.data[1]), set: a.xlim, tight: a.Tight}
	y = axisData{lo: pick(a.ylim[0], a.Y.Min, a.data[2]), hi: pick(a.ylim[1], a.Y.Max, a.data[3]), set: a.ylim, tight: a.Tight}
	_, x.log = a.X.Scale.(plot.LogScale)
	_, y.log = a.Y.Scale.(plot.LogScale)
	for _, l := range a.layers {
		if s, ok := l.p.(stickyEdger); ok {
			xs, ys := s.stickyEdges()
			x.sticky = append(x.sticky, xs...)
			y.sticky = append(y.sticky, ys...)
		} else if dr, ok := l.p.(plot.DataRanger); ok {
			x0, x1, y0, y1 := dr.DataRange()
			x.sticky = append(x.sticky, x0, x1)
			y.sticky = append(y.sticky, y0, y1)
		}
	}
	return x, y
}

// union merges the data of shared axes; explicit limits come from the
// first axes that has them.
func union(ds []axisData) axisData {
	u := ds[0]
	u.sticky = nil
	for _, d := range ds {
		u.lo, u.hi = math.Min(u.lo, d.lo), math.Max(u.hi, d.hi)
		for i := range 2 {
			if math.IsNaN(u.set[i]) {
				u.set[i] = d.set[i]
			}
		}
		u.sticky = append(u.sticky, d.sticky...)
	}
	return u
}

// view returns the limits matplotlib's autoscale_view gives the axis: an
// empty axis shows [0, 1]; a single value v is widened to v ± 5%|v|; then
// 5% of the range is added on each side, but not beyond a sticky value
// lying at or beyond the data's end. Explicit limits replace the result.
func (d axisData) view() (lo, hi float64) {
	lo, hi = d.lo, d.hi
	fwd, inv := func(v float64) float64 { return v }, func(v float64) float64 { return v }
	if d.log {
		fwd, inv = math.Log10, func(v float64) float64 { return math.Pow(10, v) }
	}
	switch {
	case !(lo <= hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || (d.log && lo <= 0):
		lo, hi = 0, 1
		if d.log {
			lo, hi = 1, 10
		}
	default:
		lo, hi = nonsingular(fwd(lo), fwd(hi))
		if !d.tight {
			tol := 1e-5 * math.Max(math.Max(math.Abs(lo), math.Abs(hi)), hi-lo)
			delta := hi*defaultMargin - lo*defaultMargin // no overflow of hi − lo
			nlo, nhi := lo-delta, hi+delta
			for _, s := range d.sticky {
				if d.log {
					if !(s > 0) {
						continue
					}
					s = math.Log10(s)
				}
				if s < lo+tol && s > nlo {
					nlo = s
				}
				if s > hi-tol && s < nhi {
					nhi = s
				}
			}
			lo, hi = nlo, nhi
		}
		lo, hi = inv(lo), inv(hi)
	}
	if !math.IsNaN(d.set[0]) {
		lo = d.set[0]
	}
	if !math.IsNaN(d.set[1]) {
		hi = d.set[1]
	}
	if lo == hi {
		lo, hi = nonsingular(lo, hi)
	}
	return lo, hi
}

// nonsingular widens an empty interval [v, v] to v ± 5%|v| (±0.05 at 0).
func nonsingular(lo, hi float64) (float64, float64) {
	big := math.Max(math.Abs(lo), math.Abs(hi))
	if hi-lo > big*1e-15 && big > 1e-290 {
		return lo, hi
	}
	if big <= 1e-290 {
		return -0.05, 0.05
	}
	return lo - 0.05*math.Abs(lo), hi + 0.05*math.Abs(hi)
}

// panels computes the view limits of every visible axes (nil for hidden
// ones), shares them, and decides which tick labels shared axes keep.
func (f *Figure) panels() []*panel {
	n := len(f.axes)
	xs, ys := make([]axisData, n), make([]axisData, n)
	var vis []int
	for i, a := range f.axes {
		xs[i], ys[i] = a.axisData()
		if !a.Hidden {
			vis = append(vis, i)
		}
	}
	pick := func(ds []axisData) []axisData {
		var out []axisData
		for _, i := range vis {
			out = append(out, ds[i])
		}
		return out
	}
	if len(vis) > 0 && f.ShareX {
		u := union(pick(xs))
		for i := range xs {
			xs[i] = u
		}
	}
	if len(vis) > 0 && f.ShareY {
		u := union(pick(ys))
		for i := range ys {
			ys[i] = u
		}
	}
	ps := make([]*panel, n)
	for _, i := range vis {
		a := f.axes[i]
		pn := &panel{a: a, xLabels: true, yLabels: true}
		pn.xlo, pn.xhi, pn.xscale = directedView(xs[i], a.X.Scale)
		pn.ylo, pn.yhi, pn.yscale = directedView(ys[i], a.Y.Scale)
		r, c := i/f.cols, i%f.cols
		for _, j := range vis {
			if f.ShareX && j%f.cols == c && j/f.cols > r {
				pn.xLabels = false // a visible panel below shows them
			}
			if f.ShareY && j/f.cols == r && j%f.cols < c {
				pn.yLabels = false
			}
		}
		ps[i] = pn
	}
	return ps
}

// directedView returns the view limits in increasing order and the scale,
// inverted when the limits were given decreasing.
func directedView(d axisData, s plot.Normalizer) (lo, hi float64, scale plot.Normalizer) {
	lo, hi = d.view()
	// Keep the span representable, so that data coordinates map to finite
	// canvas coordinates (matplotlib fails on such ranges).
	const big = 1e307
	lo, hi = math.Max(-big, math.Min(big, lo)), math.Max(-big, math.Min(big, hi))
	if lo == hi {
		lo, hi = nonsingular(lo, hi)
	}
	if s == nil {
		s = plot.LinearScale{}
	}
	if lo > hi {
		return hi, lo, plot.InvertedScale{Normalizer: s}
	}
	return lo, hi, s
}

func (pn *panel) xNorm(v float64) float64 { return pn.xscale.Normalize(pn.xlo, pn.xhi, v) }
func (pn *panel) yNorm(v float64) float64 { return pn.yscale.Normalize(pn.ylo, pn.yhi, v) }

// tick is a tick at a fraction pos of the axis length.
type tick struct {
	pos   float64
	label string
	minor bool
}

// ticks returns the ticks of ax inside [lo, hi]; an AutoTicks with Bins 0
// gets as many bins as fit length (one per 3 (x) or 2 (y) font sizes).
func ticks(ax *plot.Axis, lo, hi float64, norm func(float64) float64, length vg.Length, perBin float64) ([]tick, string) {
	t := ax.Tick.Marker
	if t == nil {
		return nil, ""
	}
	ours := false
	mult := ""
	switch at := t.(type) {
	case AutoTicks:
		if at.Bins <= 0 {
			fs := float64(ax.Tick.Label.Font.Size)
			if !(fs > 0) {
				fs = fontSize
			}
			at.Bins = int(math.Max(1, math.Min(9, math.Floor(float64(length)/(perBin*fs)))))
		}
		t, ours, mult = at, true, at.multiplier(lo, hi)
	case plot.ConstantTicks:
		ours = true
	}
	tol := 1e-10 * (hi - lo)
	var out []tick
	for _, tk := range t.Ticks(lo, hi) {
		if math.IsNaN(tk.Value) || tk.Value < lo-tol || tk.Value > hi+tol {
			continue
		}
		out = append(out, tick{pos: norm(tk.Value), label: tk.Label, minor: !ours && tk.IsMinor()})
	}
	return out, mult
}

func (pn *panel) xticks(w vg.Length) ([]tick, string) {
	return ticks(&pn.a.X, pn.xlo, pn.xhi, pn.xNorm, w, 3)
}

func (pn *panel) yticks(h vg.Length) ([]tick, string) {
	return ticks(&pn.a.Y, pn.ylo, pn.yhi, pn.yNorm, h, 2)
}

// insets is the room decorations take around a data area.
type insets struct{ l, r, b, t vg.Length }

// lines returns the number of lines of s.
func lines(s string) vg.Length {
	return vg.Length(len(plot.DefaultTextHandler.Lines(s)))
}

// size returns the font size of a text style.
func size(sty text.Style) vg.Length { return sty.Font.Size }

// insets measures the decorations of the panel for a data area of w×h.
func (pn *panel) insets(w, h, sidePad vg.Length) insets {
	a := pn.a
	var in insets
	pn.sidePad = sidePad
	if a.Title.Text != "" {
		in.t = a.Title.Padding + ascentFrac*size(a.Title.TextStyle)
	}
	if a.Side != nil {
		in.r = sidePad + a.Side.Width()
	}
	if a.AxisOff {
		return in
	}
	xt, xmult := pn.xticks(w)
	yt, ymult := pn.yticks(h)
	xs, ys := a.X.Tick.Label, a.Y.Tick.Label
	in.l, in.b = a.Y.Width/2, a.X.Width/2
	if len(yt) > 0 {
		in.l = max(in.l, a.Y.Tick.Length)
	}
	if len(xt) > 0 {
		in.b = max(in.b, a.X.Tick.Length)
	}
	if pn.yLabels {
		var lw vg.Length
		for _, t := range yt {
			if t.label != "" && !t.minor {
				lw = max(lw, ys.Width(t.label))
				half := size(ys) / 2
				in.t = max(in.t, vg.Length(t.pos)*h+half-h)
				in.b = max(in.b, half-vg.Length(t.pos)*h)
			}
		}
		if lw > 0 {
			in.l = a.Y.Tick.Length + tickPad + lw
		}
		if a.Y.Label.Text != "" {
			in.l += a.Y.Label.Padding + size(a.Y.Label.TextStyle)*lines(a.Y.Label.Text)
		}
		if ymult != "" {
			in.t = max(in.t, tickPad+size(ys))
		}
	}
	if pn.xLabels {
		var lh vg.Length
		for _, t := range xt {
			if t.label != "" && !t.minor {
				lh = size(xs)
				half := xs.Width(t.label) / 2
				in.r = max(in.r, vg.Length(t.pos)*w+half-w)
				in.l = max(in.l, half-vg.Length(t.pos)*w)
			}
		}
		if lh > 0 {
			in.b = max(in.b, a.X.Tick.Length+tickPad+lh)
		}
		if a.X.Label.Text != "" {
			in.b += a.X.Label.Padding + size(a.X.Label.TextStyle)*lines(a.X.Label.Text)
		}
		if xmult != "" && lh == 0 {
			in.b += tickPad + size(xs)
		}
	}
	return in
}

// fitAspect shrinks r (centred) so that one y unit over one x unit on
// screen equals aspect.
func (pn *panel) fitAspect(r vg.Rectangle, aspect float64) vg.Rectangle {
	xr, yr := pn.xhi-pn.xlo, pn.yhi-pn.ylo
	w, h := float64(r.Max.X-r.Min.X), float64(r.Max.Y-r.Min.Y)
	if !(xr > 0) || !(yr > 0) || w <= 0 || h <= 0 {
		return r
	}
	if wantW := h * xr / (yr * aspect); wantW < w {
		d := vg.Length((w - wantW) / 2)
		r.Min.X += d
		r.Max.X -= d
	} else {
		d := vg.Length((h - w*yr*aspect/xr) / 2)
		r.Min.Y += d
		r.Max.Y -= d
	}
	return r
}

// draw draws the panel with its data area at r, inside the figure canvas c.
func (pn *panel) draw(c draw.Canvas, r vg.Rectangle) {
	a := pn.a
	if a.Aspect > 0 && !math.IsInf(a.Aspect, 0) {
		r = pn.fitAspect(r, a.Aspect)
	}
	// Frame lines on pixel centres are crisp, as matplotlib snaps them.
	px := pixelSize(c)
	r.Min.X, r.Max.X = snapCenter(r.Min.X, px), snapCenter(r.Max.X, px)
	r.Min.Y, r.Max.Y = snapCenter(r.Min.Y, px), snapCenter(r.Max.Y, px)
	w, h := r.Max.X-r.Min.X, r.Max.Y-r.Min.Y
	xt, xmult := pn.xticks(w)
	yt, ymult := pn.yticks(h)
	if !a.AxisOff && a.BackgroundColor != nil {
		c.SetColor(a.BackgroundColor)
		c.Fill(r.Path())
	}

	// The plotters are drawn by gonum's Plot.Draw on a copy whose own
	// axes, title and labels are empty, so that plotters added with the
	// embedded Plot.Add are drawn too.
	p := *a.Plot
	p.Title.Text = ""
	p.BackgroundColor = nil
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.Text = ""
		ax.Tick.Marker = plot.ConstantTicks(nil)
		ax.LineStyle.Width = 0
		ax.Padding = 0
		ax.AutoRescale = false
	}
	p.X.Min, p.X.Max, p.X.Scale = pn.xlo, pn.xhi, pn.xscale
	p.Y.Min, p.Y.Max, p.Y.Scale = pn.ylo, pn.yhi, pn.yscale
	entries := a.legendEntries()
	if !a.ShowLegend || len(entries) > 0 {
		p.Legend = plot.NewLegend()
	} else {
		p.Legend.Top = true
	}
	ls := slices.Clone(a.layers)
	if a.Grid {
		g := &gridLines{}
		for _, t := range xt {
			g.xs = append(g.xs, t.pos)
		}
		for _, t := range yt {
			g.ys = append(g.ys, t.pos)
		}
		ls = append(ls, layer{zGrid, g})
	}
	slices.SortStableFunc(ls, func(x, y layer) int {
		switch {
		case x.z < y.z:
			return -1
		case x.z > y.z:
			return 1
		}
		return 0
	})
	for _, l := range ls {
		p.Add(l.p)
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = pn.xlo, pn.xhi, pn.ylo, pn.yhi
	drawPlotters(c, r, &p)

	if !a.AxisOff {
		pn.drawAxes(c, r, xt, yt, xmult, ymult)
	}
	if a.Title.Text != "" {
		fillText(c, a.Title.TextStyle, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: r.Max.Y + a.Title.Padding}, a.Title.Text, draw.XCenter)
	}
	if a.ShowLegend && len(entries) > 0 {
		dc := c
		dc.Rectangle = r
		drawLegend(dc, &p, entries, a.layers, a.Legend.TextStyle)
	}
	if a.Side != nil {
		sc := c
		sc.Min.X = r.Max.X + pn.sidePad
		sc.Max.X = sc.Min.X + a.Side.Width()
		sc.Min.Y, sc.Max.Y = r.Min.Y, r.Max.Y
		a.Side.DrawSide(sc)
	}
}

// drawPlotters runs p.Draw on a canvas chosen so that p's data area is
// exactly r (gonum shrinks the data area for plotters' glyph boxes).
func drawPlotters(c draw.Canvas, r vg.Rectangle, p *plot.Plot) {
	cc := c
	cc.Rectangle = r
	for range 5 {
		d := p.DataCanvas(cc)
		dl, dr := r.Min.X-d.Min.X, r.Max.X-d.Max.X
		db, dt := r.Min.Y-d.Min.Y, r.Max.Y-d.Max.Y
		if max(abs(dl), abs(dr), abs(db), abs(dt)) < 1e-3 {
			break
		}
		cc.Min.X, cc.Max.X = cc.Min.X+dl, cc.Max.X+dr
		cc.Min.Y, cc.Max.Y = cc.Min.Y+db, cc.Max.Y+dt
	}
	p.Draw(cc)
}

func abs(l vg.Length) vg.Length { return vg.Length(math.Abs(float64(l))) }
