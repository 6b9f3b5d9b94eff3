/* cb-search.h: finding records by what they say
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-project.h"

G_BEGIN_DECLS

GPtrArray *cb_project_search (CbProject  *project,
                              const char *query,
                              guint       limit);

G_END_DECLS
