/* coursebridge-core.h: everything the core library offers
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-types.h"
#include "cb-schema.h"
#include "cb-entity.h"
#include "cb-project.h"
#include "cb-problem.h"
#include "cb-search.h"
#include "cb-document.h"
