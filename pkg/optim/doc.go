// Package optim implements first-order optimisers that update flat
// parameter slices in place from their gradients: Adam with PyTorch's
// defaults and update order (torch.optim.Adam, Kingma & Ba 2015,
// arXiv:1412.6980) and plain gradient descent.
package optim
