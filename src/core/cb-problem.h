/* cb-problem.h: one finding of the validator
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cb-types.h"

G_BEGIN_DECLS

typedef enum {
  CB_SEVERITY_ERROR,
  CB_SEVERITY_WARNING,
} CbSeverity;

#define CB_TYPE_PROBLEM (cb_problem_get_type ())
G_DECLARE_FINAL_TYPE (CbProblem, cb_problem, CB, PROBLEM, GObject)

CbProblem  *cb_problem_new            (CbSeverity  severity,
                                       const char *code,
                                       CbEntity   *entity,
                                       const char *field,
                                       const char *path,
                                       const char *message);
CbSeverity  cb_problem_get_severity   (CbProblem  *self);
const char *cb_problem_get_code       (CbProblem  *self);
CbEntity   *cb_problem_get_entity     (CbProblem  *self);
const char *cb_problem_get_field      (CbProblem  *self);
const char *cb_problem_get_path       (CbProblem  *self);
const char *cb_problem_get_message    (CbProblem  *self);
const char *cb_severity_to_string     (CbSeverity  severity);

/* Runs every check of format.md; returns a list of CbProblem. */
GListStore *cb_validate               (CbProject  *project);
guint       cb_problems_count         (GListModel *problems,
                                       CbSeverity  severity);

G_END_DECLS
