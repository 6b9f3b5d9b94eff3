/* cb-types.h: forward declarations shared by the core headers
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CbEntity CbEntity;
typedef struct _CbProject CbProject;
typedef struct _CbProblem CbProblem;
typedef struct _CbJson CbJson;

/**
 * CbKind:
 *
 * Every kind of record the project format knows, in the order of format.md.
 * Kinds whose records carry an `id` are entities; the others are plain
 * records (nested objects and mapping records keyed by what they reference).
 */
typedef enum {
  CB_KIND_PROJECT,
  CB_KIND_INSTITUTION,
  CB_KIND_PROGRAM,
  CB_KIND_PERSON,
  CB_KIND_PARTNER,
  CB_KIND_AGREEMENT,
  CB_KIND_RESPONSIBILITY,
  CB_KIND_SKILL,
  CB_KIND_SKILL_SOURCE,
  CB_KIND_OUTCOME,
  CB_KIND_INDICATOR,
  CB_KIND_COURSE,
  CB_KIND_HOURS,
  CB_KIND_TEAM_MEMBER,
  CB_KIND_TEXTBOOK,
  CB_KIND_OBJECTIVE,
  CB_KIND_SUPPORT,
  CB_KIND_MODULE,
  CB_KIND_MODULE_SKILL,
  CB_KIND_PRACTICAL_PROJECT,
  CB_KIND_RESOURCE,
  CB_KIND_ASSESSMENT,
  CB_KIND_TARGET,
  CB_KIND_OFFERING,
  CB_KIND_RESULT,
  CB_KIND_REVIEW,
  CB_KIND_REPLY,
  CB_N_KINDS
} CbKind;

G_END_DECLS
