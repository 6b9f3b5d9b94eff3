/* cb-document-validate.c: keeping a document's findings up to date
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The validator (cb-validator.c) runs a moment after each edit, on the main
 * thread; its findings replace the document's list in place, so that a
 * view of them keeps its selection.
 */

#define G_LOG_DOMAIN "cb-document"

#include "config.h"

#include "cb-document-private.h"
#include "cb-problem.h"

/* Validation */

static gboolean
problem_equal (CbProblem *a,
               CbProblem *b)
{
  return cb_problem_get_severity (a) == cb_problem_get_severity (b) &&
         cb_problem_get_entity (a) == cb_problem_get_entity (b) &&
         g_strcmp0 (cb_problem_get_code (a), cb_problem_get_code (b)) == 0 &&
         g_strcmp0 (cb_problem_get_field (a), cb_problem_get_field (b)) == 0 &&
         g_strcmp0 (cb_problem_get_path (a), cb_problem_get_path (b)) == 0 &&
         g_strcmp0 (cb_problem_get_message (a), cb_problem_get_message (b)) == 0;
}

static gboolean
problems_equal_at (GListModel *old,
                   guint       old_position,
                   GListModel *fresh,
                   guint       fresh_position)
{
  g_autoptr (CbProblem) a = g_list_model_get_item (old, old_position);
  g_autoptr (CbProblem) b = g_list_model_get_item (fresh, fresh_position);

  return problem_equal (a, b);
}

/* Replaces only the part that differs, so that a view keeps its selection
 * and scroll position when an edit leaves most findings as they were. */
static void
splice_problems (CbDocument *self,
                 GListModel *fresh)
{
  GListModel *old = G_LIST_MODEL (self->problems);
  guint n_old = g_list_model_get_n_items (old);
  guint n_fresh = g_list_model_get_n_items (fresh);
  guint prefix = 0;
  guint suffix = 0;
  g_autoptr (GPtrArray) additions = NULL;

  while (prefix < n_old && prefix < n_fresh && problems_equal_at (old, prefix, fresh, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_fresh - prefix &&
         problems_equal_at (old, n_old - 1 - suffix, fresh, n_fresh - 1 - suffix))
    suffix++;

  if (prefix + suffix == n_old && prefix + suffix == n_fresh)
    return;

  additions = g_ptr_array_new_full (n_fresh - prefix - suffix, g_object_unref);
  for (guint i = prefix; i < n_fresh - suffix; i++)
    g_ptr_array_add (additions, g_list_model_get_item (fresh, i));
  g_list_store_splice (self->problems, prefix, n_old - prefix - suffix,
                       additions->pdata, additions->len);
}

void
_cb_document_validate (CbDocument *self)
{
  g_autoptr (GListStore) fresh = NULL;
  guint n_errors, n_warnings;

  g_clear_handle_id (&self->validate_source, g_source_remove);

  if (self->project != NULL)
    fresh = cb_validate (self->project);
  else
    fresh = g_list_store_new (CB_TYPE_PROBLEM);
  splice_problems (self, G_LIST_MODEL (fresh));

  n_errors = cb_problems_count (G_LIST_MODEL (self->problems), CB_SEVERITY_ERROR);
  n_warnings = cb_problems_count (G_LIST_MODEL (self->problems), CB_SEVERITY_WARNING);
  _cb_document_problems_changed (self, n_errors, n_warnings);
}

static gboolean
on_validate_timeout (gpointer user_data)
{
  CbDocument *self = user_data;

  self->validate_source = 0;
  _cb_document_validate (self);
  return G_SOURCE_REMOVE;
}

void
_cb_document_schedule_validation (CbDocument *self)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (self->validation_delay, on_validate_timeout, self);
  g_source_set_name_by_id (self->validate_source, "[coursebridge] validate");
}

/* Accessors */

/**
 * cb_document_get_problems:
 *
 * Returns: (transfer none): the validator's findings (#CbProblem), updated
 *   in place a moment after each change
 */
GListModel *
cb_document_get_problems (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->problems);
}

guint
cb_document_get_n_errors (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), 0);
  return self->n_errors;
}

guint
cb_document_get_n_warnings (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), 0);
  return self->n_warnings;
}
