// Package tests holds the end-to-end checks of receptive: every notebook in
// notebooks/ is executed through a real Jupyter GoNB kernel (nbconvert), and
// must run without a cell error, show at least the number of figures its
// entry in notebooks/manifest.json promises, and show no blank figure.
package tests
