// Package stimuli makes the input patterns shown to LISSOM retinas: Gaussian
// blobs with independent widths along rows and columns, a centre and an
// orientation.
//
// It reproduces pylissom's gaussian_generator (hernanbari/pylissom,
// pylissom/utils/stimuli.py, commit c4f1d80): the blob is evaluated on the
// integer pixel grid with x the row index and y the column index, so MuX and
// SigmaX act along rows, and is then rotated counter-clockwise about the
// image centre with scikit-image's rotate (bilinear interpolation, zero fill,
// output clipped to the input's range). Rotate reproduces that function
// (skimage/transform/_warps.py and _warps_cy.pyx) on its own.
//
// Images are row-major []float64 slices: pixel (r, c) of a rows×cols image
// is img[r*cols+c]. The original produced float32 images; values here are
// float64 and equal scikit-image's float64 results to 1e-9. The original's
// float32 images differ by their rounding (about 3e-8) and, when rotated,
// by up to about 1.1e-6, because scikit-image warps a float32 image with
// float32 coordinates.
package stimuli
