// The four status words of the bridge view. There is deliberately no word for a decision:
// the view reports whether a published criterion is met on the recorded values, never what
// to do about it (docs/bridge-rules.md).
#pragma once

namespace lb::bridge {

enum class Status { met, not_met, not_evaluable, sources_disagree };

}  // namespace lb::bridge
