/* cb-synth.h: synthetic projects for benchmarks and tests
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-project.h"

G_BEGIN_DECLS

typedef struct {
  guint n_courses;
  guint n_modules;       /* per course */
  guint n_skills;
  guint n_outcomes;
  guint n_indicators;    /* per outcome */
  guint skills_per_module;
  guint32 seed;
} CbSynthSize;

CbProject *cb_synth_project (const CbSynthSize *size);

G_END_DECLS
