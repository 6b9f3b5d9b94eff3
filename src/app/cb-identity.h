/* cb-identity.h: the user as a person of the project
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coursebridge-core.h"

G_BEGIN_DECLS

const char *cb_identity_ensure_person (CbProject *project);

G_END_DECLS
