// The volume engine's finding codes (exchange_volume.cpp), with their words.
#pragma once

#include <array>

#include "diag/finding.hpp"

namespace lb::volume::codes {

inline constexpr diag::FindingCode kCappedAtHardMax{
    "exchange.capped_at_hard_max", "Capped at the hard maximum",
    "The rule gave more than the protocol's hard maximum; the plan uses the maximum."};
inline constexpr diag::FindingCode kCappedAtPlasmaVolumesHardMax{
    "exchange.capped_at_plasma_volumes_hard_max", "Capped at the plasma-volume maximum",
    "The rule gave more plasma volumes than the protocol's hard maximum; the plan uses the "
    "maximum."};
inline constexpr diag::FindingCode kBelowHardMin{
    "exchange.below_hard_min", "Below the hard minimum",
    "The exchange volume is below the protocol's hard minimum: the plan is not ready."};
inline constexpr diag::FindingCode kBelowSoftMin{
    "exchange.below_soft_min", "Below the soft minimum",
    "The exchange volume is below the protocol's soft minimum; check it before ordering."};
inline constexpr diag::FindingCode kAboveSoftMax{
    "exchange.above_soft_max", "Above the soft maximum",
    "The exchange volume is above the protocol's soft maximum; check it before ordering."};
inline constexpr diag::FindingCode kBelowPlasmaVolumesSoftMin{
    "exchange.below_plasma_volumes_soft_min", "Below the plasma-volume soft minimum",
    "Fewer plasma volumes are exchanged than the protocol's soft minimum; check it before "
    "ordering."};
inline constexpr diag::FindingCode kAbovePlasmaVolumesSoftMax{
    "exchange.above_plasma_volumes_soft_max", "Above the plasma-volume soft maximum",
    "More plasma volumes are exchanged than the protocol's soft maximum; check it before "
    "ordering."};

inline constexpr std::array kFindingCodes = {kCappedAtHardMax,
                                             kCappedAtPlasmaVolumesHardMax,
                                             kBelowHardMin,
                                             kBelowSoftMin,
                                             kAboveSoftMax,
                                             kBelowPlasmaVolumesSoftMin,
                                             kAbovePlasmaVolumesSoftMax};

}  // namespace lb::volume::codes
