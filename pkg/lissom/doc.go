// Package lissom implements the LISSOM model of the primary visual cortex
// (Laterally Interconnected Synergetically Self-Organizing Map; Miikkulainen,
// Bednar, Choe & Sirosh, "Computational Maps in the Visual Cortex", Springer
// 2005) as the pylissom library builds it (hernanbari/pylissom, commit
// c4f1d80: pylissom/nn/modules/{linear,lissom}.py, nn/functional/weights.py,
// math.py): its modules, their weight initialisations, their activation and
// the recording of each module's last input and output.
//
// Sheets are square; a module between sheets of in = n² and out = m² units
// centres each output neuron on the input grid at evenly spaced positions
// (linspace(0, n−1, m) along each axis) and weights input units by their
// distance from that centre:
//
//   - GaussianLinear: exp(−d²/2σ²); GaussianCloudLinear: that times
//     uniform(0, 1) noise (seeded here);
//   - Cortex: a Gaussian cloud cut by a circular mask (distance > radius
//     removed) and L1-normalised per neuron — an afferent, excitatory or
//     inhibitory projection;
//   - DifferenceOfGaussiansLinear: centre minus surround Gaussians, each
//     masked and normalised (or the reverse for OFF cells), and the
//     unnormalised variant used only in the notebook's figure;
//   - PiecewiseSigmoid, LGN (DoG × strength → sigmoid), ReducedLissom (V1:
//     afferent drive once, then settling through lateral excitation and
//     inhibition) and Lissom (ON + OFF channels into V1).
//
// Weights are stored as connection fields (Projection): only connections
// inside the circular fields exist, and a product skips inputs that are zero,
// so the cost follows the number of active connections rather than in×out.
// pylissom stores dense torch matrices.
//
// Departures from pylissom, each deliberate:
//   - Normalisation is row-wise L1, as pylissom intends. Its normalize
//     divides by norm(dim=1).expand_as(M), which under torch ≥ 0.4 divides
//     column j by row j's norm when in == out and raises otherwise; its test
//     lacks an assert. The figures of its saved notebook show row-wise
//     normalisation.
//   - Weights are float32, as in pylissom, and activities float64 (pylissom:
//     float32); results agree with a float64 evaluation of pylissom's
//     formulas to 3e-8 and with its float32 one to about 1.5e-6 after
//     settling.
//   - Cloud noise comes from a seed and is a hash of the connection index
//     (pylissom draws unseeded torch noise).
//
// Record and Activations play the part of pylissom's forward hooks
// (register_recursive_input_output_hook and plot_layer_activation); String
// prints each module as pylissom prints it. Config, DerivedConfig and
// LoadConfig build a model from parameters as pylissom's .ini "model zoo"
// did, with the original notebook's values as DefaultConfig.
package lissom
