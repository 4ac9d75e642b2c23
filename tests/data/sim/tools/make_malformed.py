#!/usr/bin/env python3
"""Writes the malformed-scenario corpus (tests/data/sim/malformed/*.yaml) from corpus-base.yaml.

Each case replaces one unique piece of the base scenario and states where the loader must
report it: `anchor` is a text in the new piece whose first character is the expected
line:column (1-based), or an explicit (line, column). The expectation goes at the end of the
file as '# expect: L:C text' (tests/support/corpus_expectations.hpp), so it moves no line.
Run from the repository root after changing the base or the cases; commit the output.
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = open(os.path.join(HERE, "..", "corpus-base.yaml"), encoding="utf-8").read()
OUT = os.path.join(HERE, "..", "malformed")

# (name, old, new, anchor_or_position, expected text). Anchor None: position of `new` itself.
CASES = [
    # ---- header -------------------------------------------------------------------------
    ("schema-wrong", "schema: liverbridge.sim/1", "schema: liverbridge.sim/2", "liverbridge.sim/2", "is not a scenario schema"),
    ("schema-missing", "schema: liverbridge.sim/1\n", "", (1, 1), "missing required key 'schema'"),
    ("schema-protocol", "schema: liverbridge.sim/1", "schema: 1", "1\n", "is not a scenario schema"),
    ("id-missing", "id: corpus-base\n", "", (1, 1), "missing required key 'id'"),
    ("id-upper", "id: corpus-base", "id: Corpus-Base", "Corpus", "is not an id"),
    ("id-space", "id: corpus-base", "id: corpus base", "corpus base", "is not an id"),
    ("id-digit-first", "id: corpus-base", "id: 1corpus", "1corpus", "is not an id"),
    ("title-missing", 'title: "Corpus base scenario"\n', "", (1, 1), "missing required key 'title'"),
    ("title-empty", 'title: "Corpus base scenario"', 'title: ""', '""', "is empty"),
    ("title-list", 'title: "Corpus base scenario"', "title: [a, b]", "[a", "expected a single value"),
    ("version-missing", 'version: "1"\n', "", (1, 1), "missing required key 'version'"),
    ("unknown-top-key", "session: 1\n", "sesion: 1\n", "sesion", "did you mean 'session'"),
    ("unknown-top-key-2", "device: centrifugal\n", "device: centrifugal\nobjectives: []\n", "objectives", "unknown key 'objectives'"),
    ("duration-missing", "duration: 120 min\n", "", (1, 1), "missing required key 'duration'"),
    ("duration-no-unit", "duration: 120 min", "duration: 120", "120", "has no unit"),
    ("duration-wrong-dim", "duration: 120 min", "duration: 120 mL", "120 mL", "time"),
    ("duration-zero", "duration: 120 min", "duration: 0 min", "0 min", "must be more than 0 s"),
    ("duration-negative", "duration: 120 min", "duration: -5 min", "-5 min", "must be more than 0 s"),
    ("duration-too-long", "duration: 120 min", "duration: 40 days", "40 days", "longer than 30 days"),
    ("duration-fraction-second", "duration: 120 min", "duration: 10.5 s", "10.5 s", "whole number of seconds"),
    ("duration-unknown-unit", "duration: 120 min", "duration: 120 mins", "120 mins", "unknown unit"),
    ("audience-mapping", "audience: [icu_nurse]", "audience: {a: b}", "{a", "expected a list of words"),
    # ---- setup ----------------------------------------------------------------------------
    ("patient-missing", "patient: ../../../examples/alf-paracetamol.yaml\n", "", (1, 1), "missing required key 'patient'"),
    ("patient-list", "patient: ../../../examples/alf-paracetamol.yaml", "patient: [a.yaml]", "[a", "expected a patient file path"),
    ("patient-flow-map", "patient: ../../../examples/alf-paracetamol.yaml", "patient: {sex: female}", "{sex", "indented block"),
    ("patient-empty", "patient: ../../../examples/alf-paracetamol.yaml", "patient:", "patient", "has no value"),
    ("protocol-missing", "protocol: hvp-alf-larsen-2016\n", "", (1, 1), "missing required key 'protocol'"),
    ("protocol-list", "protocol: hvp-alf-larsen-2016", "protocol: [a]", "[a", "expected a single value"),
    ("session-zero", "session: 1", "session: 0", "0", "out of range"),
    ("session-fraction", "session: 1", "session: 1.5", "1.5", "not a whole number"),
    ("device-unknown", "device: centrifugal", "device: centrifuge", "centrifuge", "did you mean 'centrifugal'"),
    ("parameter-unknown", "  citrate_clearance: 0.15 L/min", "  citrate_clearence: 0.15 L/min", "citrate_clearence", "did you mean 'citrate_clearance'"),
    ("parameter-no-unit", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: 0.15", "0.15", "has no unit"),
    ("parameter-wrong-unit", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: 0.15 mmol/L", "0.15 mmol/L", "is not a unit of this value"),
    ("parameter-not-number", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: fast L/min", "fast", "L/min"),
    ("parameter-list", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: [0.15 L/min]", "[0.15", "expected a value"),
    ("parameter-room-at-body-temperature", "  citrate_clearance: 0.15 L/min", "  room_temperature: 37 °C", "37 °C", "must be in [10, 37) °C"),
    ("parameter-reserve-zero", "  citrate_clearance: 0.15 L/min", "  haemodynamic_reserve: 0", "0\n", "must be in (0, 1]"),
    ("parameter-ecf-zero", "  citrate_clearance: 0.15 L/min", "  ecf_volume: 0 L/kg", "0 L/kg", "ecf_volume 0 L/kg is outside"),
    ("parameter-clearance-negative", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: -0.15 L/min", "-0.15 L/min", "must be in (0, 2] L/min"),
    ("parameter-half-time-zero", "  citrate_clearance: 0.15 L/min", "  factor_recovery_half_time: 0 h", "0 h", "must be in (0, 240] h"),
    ("parameter-buffering-zero", "  citrate_clearance: 0.15 L/min", "  potassium_buffering: 0", "0\n", "must be in [1, 20]"),
    ("parameter-nan", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: nan L/min", "nan", "L/min"),
    # per-patient distributions (sim/run/patient_draws.hpp)
    ("parameter-draw-no-unit", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 0.15, sd: 0.05 L/min}", "0.15,", "has no unit"),
    ("parameter-draw-sd-no-unit", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 0.15 L/min, sd: 0.05}", "0.05}", "has no unit"),
    ("parameter-draw-sd-negative", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 0.15 L/min, sd: -0.05 L/min}", "-0.05", "is negative"),
    ("parameter-draw-min-above-max", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 0.15 L/min, sd: 0.05 L/min, min: 0.3 L/min, max: 0.1 L/min}", "0.3 L/min", "min 0.3 L/min is above max 0.1 L/min"),
    ("parameter-draw-mean-invalid", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 3 L/min, sd: 0.05 L/min}", "3 L/min", "must be in (0, 2] L/min"),
    ("parameter-draw-max-invalid", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 0.15 L/min, sd: 0.05 L/min, max: 2.5 L/min}", "2.5 L/min", "must be in (0, 2] L/min"),
    ("parameter-draw-mean-outside-bounds", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 0.15 L/min, sd: 0.05 L/min, min: 0.2 L/min}", "0.15 L/min", "is outside [0.2, …] L/min"),
    ("parameter-draw-sd-missing", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 0.15 L/min}", "{mean", "missing required key 'sd'"),
    ("parameter-draw-unknown-key", "  citrate_clearance: 0.15 L/min", "  citrate_clearance: {mean: 0.15 L/min, sd: 0.05 L/min, maxi: 0.4 L/min}", "maxi", "unknown key 'maxi'"),
    ("parameters-list", "parameters:\n  citrate_clearance: 0.15 L/min", "parameters: [citrate_clearance]", "[citrate", "expected a mapping"),
    ("start-unknown", "  temp: 36.8 °C", "  tmp: 36.8 °C", "tmp", "did you mean 'temp'"),
    ("start-wrong-unit", "  temp: 36.8 °C", "  temp: 98 F", "98 F", "°C"),
    ("start-no-unit", "  temp: 36.8 °C", "  temp: 36.8", "36.8", "has no unit"),
    ("start-not-settable", "  temp: 36.8 °C", "  pco2: 40 mmHg", "40 mmHg", "cannot be set at the start"),
    ("start-ica-high", "  temp: 36.8 °C", "  ica: 3.5 mmol/L", "3.5 mmol/L", "ica 3.5 mmol/L is outside the values the simulator accepts"),
    ("start-ica-zero", "  temp: 36.8 °C", "  ica: 0 mmol/L", "0 mmol/L", "must be in [0.3, 2.5] mmol/L"),
    ("start-spo2-over-100", "  temp: 36.8 °C", "  spo2: 101 %", "101 %", "must be in [50, 100] %"),
    ("start-ph-low", "  temp: 36.8 °C", "  ph: 6.5", "6.5", "must be in [6.8, 7.8]"),
    ("start-hco3-zero", "  temp: 36.8 °C", "  hco3: 0 mmol/L", "0 mmol/L", "must be in [5, 60] mmol/L"),
    ("start-platelets-negative", "  temp: 36.8 °C", "  platelets: -5 10^9/L", "-5", "must be in (0, 1500]"),
    ("start-k-high", "  temp: 36.8 °C", "  k: 12 mmol/L", "12 mmol/L", "must be in [1.5, 9] mmol/L"),
    ("start-map-negative", "  temp: 36.8 °C", "  map: -10 mmHg", "-10 mmHg", "must be in [20, 200] mmHg"),
    ("start-deficit-large", "  temp: 36.8 °C", "  volume_deficit: 6000 mL", "6000 mL", "must be in [-3000, 2500] mL"),
    ("start-temp-low", "  temp: 36.8 °C", "  temp: 20 °C", "20 °C", "must be in [28, 42] °C"),
    ("start-nan", "  temp: 36.8 °C", "  temp: nan °C", "nan", "°C"),
    # ---- alarms ---------------------------------------------------------------------------
    ("alarm-not-list", "alarms:\n  - id: map_low", "alarms: map_low\nalarms_old:\n  - id: map_low", "map_low\n", "expected a list of mappings"),
    ("alarm-item-scalar", "  - id: map_low\n    source: monitor", "  - map_low\n  - source: monitor", "map_low\n", "expected a mapping"),
    ("alarm-id-missing", "  - id: map_low\n    source: monitor", "  - source: monitor", "source: monitor", "missing required key 'id'"),
    ("alarm-id-duplicate", "  - id: inlet_pressure_low", "  - id: map_low", "map_low\n    source: device", "already the id of another alarm"),
    ("alarm-source-unknown", "    source: monitor", "    source: monitors", "monitors", "did you mean 'monitor'"),
    ("alarm-priority-unknown", "    priority: high\n    latching: false", "    priority: urgent\n    latching: false", "urgent", "is not one of: low, medium, high"),
    ("alarm-priority-missing", "    priority: medium\n", "", "id: inlet_pressure_low", "missing required key 'priority'"),
    ("alarm-latching-yes", "    latching: true", "    latching: yes", "yes", "write true or false"),
    ("alarm-silence-zero", "    silence: 1 min", "    silence: 0 s", "0 s", "must be more than 0 s"),
    ("alarm-silence-missing", "    silence: 1 min\n", "", "id: inlet_pressure_low", "missing required key 'silence'"),
    ("alarm-unknown-key", "    silence: 1 min\n", "    silence: 1 min\n    escalate: true\n", "escalate", "unknown key 'escalate'"),
    ("alarm-when-action", "    when: {var: ica, op: \"<\", value: 0.9 mmol/L}", "    when: {action: pause}", "{action", "not by an action"),
    ("alarm-when-scalar", "    when: {var: map, op: \"<\", value: 65 mmHg, for: 10 s}", "    when: map < 65", "map < 65", "expected a condition mapping"),
    ("alarm-var-unknown", "{var: map, op: \"<\", value: 65 mmHg, for: 10 s}", "{var: mapp, op: \"<\", value: 65 mmHg, for: 10 s}", "mapp", "did you mean 'map'"),
    ("alarm-value-unit", "{var: map, op: \"<\", value: 65 mmHg, for: 10 s}", "{var: map, op: \"<\", value: 65 mmol/L, for: 10 s}", "65 mmol/L", "mmHg"),
    ("alarm-value-kpa", "{var: map, op: \"<\", value: 65 mmHg, for: 10 s}", "{var: map, op: \"<\", value: 8.7 kPa, for: 10 s}\n    oops: 1", "oops", "unknown key 'oops'"),
    # ---- labs -----------------------------------------------------------------------------
    ("lab-panel-unknown", "  - panel: ica", "  - panel: ionised_calcium", "ionised_calcium", "is not a lab panel"),
    ("lab-panel-missing", "  - panel: ica\n    latency: 3 min", "  - latency: 3 min", "latency: 3 min", "missing required key 'panel'"),
    ("lab-latency-missing", "    latency: 3 min\n", "", "panel: ica", "missing required key 'latency'"),
    ("lab-latency-unit", "    latency: 3 min", "    latency: 3", "3\n", "has no unit"),
    ("lab-noise-missing", "    noise:\n      ica: 0.02 mmol/L\n", "", "panel: ica", "missing required key 'noise'"),
    ("lab-noise-not-reported", "      ica: 0.02 mmol/L", "      k: 0.1 mmol/L", "k: 0.1", "is not reported by the ica panel"),
    ("lab-noise-negative", "      ica: 0.02 mmol/L", "      ica: -0.02 mmol/L", "-0.02", "must not be negative"),
    ("lab-noise-unit", "      ica: 0.02 mmol/L", "      ica: 2 %", "2 %", "mmol/L"),
    ("lab-duplicate", "labs:\n  - panel: ica\n", "labs:\n  - panel: ica\n    latency: 3 min\n    noise: {ica: 0.02 mmol/L}\n  - panel: ica\n", "ica\n    latency: 3 min\n    noise:\n", "already the id of another lab entry"),
    # ---- events: scheduled ----------------------------------------------------------------
    ("events-list", "events:\n  scheduled:", "events: []\nevents_x:\n  scheduled:", "[]", "expected a mapping"),
    ("events-unknown-kind", "  scheduled:\n", "  sheduled:\n", "sheduled", "did you mean 'scheduled'"),
    ("scheduled-at-missing", "      at: 20 min\n", "", "id: cold_ffp", "missing required key 'at'"),
    ("scheduled-at-after-end", "      at: 20 min", "      at: 121 min", "121 min", "after the end of the scenario"),
    ("scheduled-at-negative", "      at: 20 min", "      at: -1 min", "-1 min", "must not be negative"),
    ("scheduled-at-unit", "      at: 20 min", "      at: 20 mmHg", "20 mmHg", "time"),
    ("scheduled-effects-missing", "      effects:\n        - note: \"A cold FFP batch arrives.\"\n", "", "id: cold_ffp", "missing required key 'effects'"),
    ("scheduled-effects-empty", "      effects:\n        - note: \"A cold FFP batch arrives.\"\n", "      effects: []\n", "[]", "at least one effect"),
    ("effect-two-kinds", "        - note: \"A cold FFP batch arrives.\"", "        - note: \"A cold FFP batch arrives.\"\n          alarm: map_low", "note:", "exactly one of"),
    ("effect-no-kind", "        - note: \"A cold FFP batch arrives.\"", "        - text: \"A cold FFP batch arrives.\"", "text:", "needs one of"),
    ("effect-note-empty", "        - note: \"A cold FFP batch arrives.\"", "        - note: \"\"", "\"\"", "is empty"),
    ("event-id-duplicate", "    - id: senior_arrives", "    - id: cold_ffp", "cold_ffp\n      when", "already the id of another event"),
    ("event-id-bad", "    - id: cold_ffp", "    - id: Cold FFP", "Cold FFP", "is not an id"),
    ("event-unknown-key", "      at: 20 min\n", "      at: 20 min\n      repeat: true\n", "repeat", "unknown key 'repeat'"),
    # ---- events: random -------------------------------------------------------------------
    ("random-p-missing", "      probability: 0.013\n", "", "id: access_low", "missing required key 'probability'"),
    ("random-p-zero", "      probability: 0.013", "      probability: 0", "0\n", "must be above 0 and below 1"),
    ("random-p-one", "      probability: 0.013", "      probability: 1", "1\n", "must be above 0 and below 1"),
    ("random-p-percent-over", "      probability: 0.013", "      probability: 130 %", "130 %", "must be above 0 and below 1"),
    ("random-p-negative", "      probability: 0.013", "      probability: -0.01", "-0.01", "must be above 0 and below 1"),
    ("random-p-text", "      probability: 0.013", "      probability: rare", "rare", "expected a number"),
    ("random-per-unknown", "      per: session", "      per: procedure", "procedure", "is not one of: session, hour, ffp_unit, litre_processed"),
    ("random-per-typo", "      per: session", "      per: ffp_units", "ffp_units", "did you mean 'ffp_unit'"),
    ("random-per-missing", "      per: session\n", "", "id: access_low", "missing required key 'per'"),
    ("effect-alarm-unknown", "        - alarm: inlet_pressure_low", "        - alarm: inlet_pressure_lo", "inlet_pressure_lo\n", "did you mean 'inlet_pressure_low'"),
    ("effect-alarm-bad-id", "        - alarm: inlet_pressure_low", "        - alarm: Inlet!", "Inlet!", "is not an id"),
    ("effect-cleared-by-unknown", "          cleared_by: [fix_line]", "          cleared_by: [fix_lines]", "[fix_lines]", "did you mean 'fix_line'"),
    ("effect-action-unknown", "        - action: access_obstruction", "        - action: access_obstructed", "access_obstructed", "did you mean 'access_obstruction'"),
    ("effect-action-empty-arg", "          available: 40 %", "          available:", "available", "has no value"),
    # ---- events: conditional --------------------------------------------------------------
    ("cond-when-missing", "      when:\n        any:\n          - {var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}\n          - {var: ca_ratio, op: \">=\", value: 2.5, for: 60 s}\n", "", "id: citrate_toxicity", "missing required key 'when'"),
    ("cond-op-unknown", "{var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}", "{var: ica, op: \"=<\", value: 0.9 mmol/L, for: 60 s}", "\"=<\"", "is not one of: <, <=, >, >=, =="),
    ("cond-op-missing", "{var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}", "{var: ica, value: 0.9 mmol/L, for: 60 s}", "{var: ica, value", "missing required key 'op'"),
    ("cond-value-missing", "{var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}", "{var: ica, op: \"<\", for: 60 s}", "{var: ica, op", "missing required key 'value'"),
    ("cond-value-mgdl", "{var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}", "{var: ica, op: \"<\", value: 3.6 mg/dL, for: 60 s}", "3.6 mg/dL", "mmol/L"),
    ("cond-plain-with-unit", "{var: ca_ratio, op: \">=\", value: 2.5, for: 60 s}", "{var: ca_ratio, op: \">=\", value: 2.5 mmol/L, for: 60 s}", "2.5 mmol/L", "plain number"),
    ("cond-for-no-unit", "{var: ca_ratio, op: \">=\", value: 2.5, for: 60 s}", "{var: ca_ratio, op: \">=\", value: 2.5, for: 60}", "60}", "has no unit"),
    ("cond-var-expression", "{var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}", "{var: ica*2, op: \"<\", value: 0.9 mmol/L, for: 60 s}", "ica*2", "is not an observable"),
    ("cond-expression-key", "{var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}", "{expr: \"ica < 0.9\"}", "{expr", "needs one of"),
    ("cond-two-forms", "{var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}", "{var: ica, op: \"<\", value: 0.9 mmol/L, action: pause}", "{var: ica, op", "exactly one of"),
    ("cond-any-empty", "        any:\n          - {var: ica, op: \"<\", value: 0.9 mmol/L, for: 60 s}\n          - {var: ca_ratio, op: \">=\", value: 2.5, for: 60 s}\n", "        any: []\n", "[]", "empty list"),
    ("cond-any-scalar-item", "          - {var: ca_ratio, op: \">=\", value: 2.5, for: 60 s}", "          - ca_ratio >= 2.5", "ca_ratio >= 2.5", "expected a mapping"),
    ("cond-too-deep", "          - {var: ca_ratio, op: \">=\", value: 2.5, for: 60 s}", "          - {all: [{any: [{all: [{any: [{var: k, op: \"<\", value: 3 mmol/L}]}]}]}]}", "[{var", "more than 4 deep"),
    ("cond-action-unknown", "      when: {action: call_for_help, delay: 4 min}", "      when: {action: call_for_hel, delay: 4 min}", "call_for_hel", "did you mean 'call_for_help'"),
    ("cond-delay-unit", "      when: {action: call_for_help, delay: 4 min}", "      when: {action: call_for_help, delay: 4}", "4}", "has no unit"),
    ("cond-once-word", "      once: true", "      once: once", "once\n", "write true or false"),
    ("cond-unknown-key", "{action: call_for_help, delay: 4 min}", "{action: call_for_help, delay: 4 min, after: 1 min}", "after:", "unknown key 'after'"),
    # ---- teaching -------------------------------------------------------------------------
    ("objectives-missing", "learning_objectives:\n  - id: lo1\n    text: \"Recognise citrate accumulation in a patient who cannot report symptoms.\"\n", "", (1, 1), "missing required key 'learning_objectives'"),
    ("objective-text-missing", "    text: \"Recognise citrate accumulation in a patient who cannot report symptoms.\"\n", "", "id: lo1", "missing required key 'text'"),
    ("objective-duplicate", "    text: \"Recognise citrate accumulation in a patient who cannot report symptoms.\"\n", "    text: \"Recognise citrate accumulation in a patient who cannot report symptoms.\"\n  - id: lo1\n    text: again\n", "lo1\n    text: again", "already the id of another learning objective"),
    ("critical-action-unknown", "    action: order_lab", "    action: order_labs", "order_labs", "did you mean 'order_lab'"),
    ("critical-both", "    action: order_lab", "    action: order_lab\n    any_of: [pause]", "id: check_ica_early", "exactly one of"),
    ("critical-neither", "    action: order_lab\n", "", "id: check_ica_early", "exactly one of"),
    ("critical-anyof-unknown", "    any_of: [ca_bolus, set_ca_infusion, pause]", "    any_of: [ca_bolus, set_ca_infusion, stop]", "[ca_bolus", "'stop' is not an action"),
    ("critical-within-missing", "    within: 30 min\n", "", "id: check_ica_early", "missing required key 'within'"),
    ("critical-within-zero", "    within: 15 min", "    within: 0 min", "0 min", "must be more than 0 s"),
    ("critical-weight-zero", "    weight: 2", "    weight: 0", "0\n", "must be above 0"),
    ("critical-weight-unit", "    weight: 2", "    weight: 2 kg", "2 kg", "plain number"),
    ("critical-after-unknown", "    after: citrate_toxicity", "    after: citrate_toxic", "citrate_toxic", "did you mean 'citrate_toxicity'"),
    ("critical-objective-unknown", "    objective: lo1", "    objective: lo2", "lo2", "is not a learning objective"),
    ("critical-duplicate", "  - id: respond_to_low_ica", "  - id: check_ica_early", "check_ica_early\n    any_of", "already the id of another critical action"),
    ("scoring-sum", "  harm: 20 %", "  harm: 30 %", "critical_actions: 70 %", "add up to 110.0 %"),
    ("scoring-missing-share", "  alarm_handling: 10 %\n", "", "critical_actions: 70 %", "missing required key 'alarm_handling'"),
    ("scoring-bare", "  harm: 20 %", "  harm: 0.2", "0.2", "has no unit"),
    ("scoring-over", "  critical_actions: 70 %", "  critical_actions: 170 %", "170 %", "from 0 % to 100 %"),
    ("debrief-prompts-missing", "  prompts:\n    - \"What was going through your mind when the ratio rose?\"\n", "", "take_home", "missing required key 'prompts'"),
    ("debrief-prompt-mapping", "    - \"What was going through your mind when the ratio rose?\"", "    - {q: a}", "{q", "expected a text in the list"),
    ("debrief-unknown", "  take_home:", "  takehome:", "takehome", "did you mean 'take_home'"),
    # ---- YAML level -----------------------------------------------------------------------
    ("yaml-duplicate-key", "session: 1\n", "session: 1\nsession: 2\n", "session: 2", "duplicate key"),
    ("yaml-anchor", "  - id: lo1", "  - &a id: lo1", "&a", "anchors (&name) are not allowed"),
    ("yaml-tab", "session: 1", "session:\t1\n\tbad", "\tbad", ""),
    ("yaml-not-mapping", None, "- just\n- a list\n", (1, 1), "expected a YAML mapping"),
]


def position(text, offset):
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".yaml"):
            os.remove(os.path.join(OUT, f))
    for name, old, new, anchor, expect in CASES:
        if old is None:
            text = new
            start = 0
        else:
            assert BASE.count(old) >= 1, name
            start = BASE.index(old)
            text = BASE[:start] + new + BASE[start + len(old):]
        if isinstance(anchor, tuple):
            line, col = anchor
        else:
            at = text.find(anchor, start) if anchor else start
            if at < 0:  # a removed key: the enclosing mapping comes before the cut
                at = text.rfind(anchor, 0, start)
            assert at >= 0, (name, anchor)
            line, col = position(text, at)
        if not text.endswith("\n"):
            text += "\n"
        with open(os.path.join(OUT, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write(text + "# expect: %d:%d %s\n" % (line, col, expect))
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()
