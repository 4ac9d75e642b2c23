#include <algorithm>

#include "sim/model/sub_models.hpp"

namespace lb::sim::kernel {

void update_signs(Kernel& k, const Parameters& p) {
  k.paraesthesia = k.ica < p.paraesthesia_threshold.value;
  k.nausea = k.ica < p.nausea_threshold.value;
  k.tetany = k.ica < p.tetany_threshold.value;
  k.shivering = k.temperature < p.shivering_threshold.value;
  k.hypotension = k.map < p.hypotension_threshold.value;
  k.qtc = p.qtc_baseline.value +
          p.qtc_slope.value * std::max(0.0, (p.qtc_reference_calcium.value - k.ica) / 0.1);
}

}  // namespace lb::sim::kernel
