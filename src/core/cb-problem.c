/* cb-problem.c: one finding of the validator
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-problem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-problem.h"
#include "cb-entity.h"

struct _CbProblem
{
  GObject parent_instance;

  CbSeverity severity;
  char *code;
  CbEntity *entity;
  char *field;
  char *path;
  char *message;
};

G_DEFINE_FINAL_TYPE (CbProblem, cb_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_CODE,
  PROP_ENTITY,
  PROP_FIELD,
  PROP_PATH,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * cb_problem_new:
 * @entity: (nullable): the record the problem concerns
 * @field: (nullable): the member of @entity, if one
 * @path: the JSON path, such as `courses[2].modules[0].hours.practice`
 * @message: a translated sentence for the user
 *
 * Returns: (transfer full): a new problem
 */
CbProblem *
cb_problem_new (CbSeverity  severity,
                const char *code,
                CbEntity   *entity,
                const char *field,
                const char *path,
                const char *message)
{
  CbProblem *self = g_object_new (CB_TYPE_PROBLEM, NULL);

  self->severity = severity;
  self->code = g_strdup (code);
  self->entity = entity ? g_object_ref (entity) : NULL;
  self->field = g_strdup (field);
  self->path = g_strdup (path);
  self->message = g_strdup (message);
  return self;
}

CbSeverity
cb_problem_get_severity (CbProblem *self)
{
  g_return_val_if_fail (CB_IS_PROBLEM (self), CB_SEVERITY_ERROR);
  return self->severity;
}

/**
 * cb_problem_get_code:
 *
 * Returns: (transfer none): a stable, untranslated name of the check,
 * such as "dangling-reference"
 */
const char *
cb_problem_get_code (CbProblem *self)
{
  g_return_val_if_fail (CB_IS_PROBLEM (self), NULL);
  return self->code;
}

/**
 * cb_problem_get_entity:
 *
 * Returns: (transfer none) (nullable): the record concerned
 */
CbEntity *
cb_problem_get_entity (CbProblem *self)
{
  g_return_val_if_fail (CB_IS_PROBLEM (self), NULL);
  return self->entity;
}

const char *
cb_problem_get_field (CbProblem *self)
{
  g_return_val_if_fail (CB_IS_PROBLEM (self), NULL);
  return self->field;
}

const char *
cb_problem_get_path (CbProblem *self)
{
  g_return_val_if_fail (CB_IS_PROBLEM (self), NULL);
  return self->path;
}

const char *
cb_problem_get_message (CbProblem *self)
{
  g_return_val_if_fail (CB_IS_PROBLEM (self), NULL);
  return self->message;
}

/**
 * cb_severity_to_string:
 *
 * Returns: (transfer none): "error" or "warning", untranslated, for
 * machine-readable output
 */
const char *
cb_severity_to_string (CbSeverity severity)
{
  return severity == CB_SEVERITY_ERROR ? "error" : "warning";
}

guint
cb_problems_count (GListModel *problems,
                   CbSeverity  severity)
{
  guint n = g_list_model_get_n_items (problems);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CbProblem) problem = g_list_model_get_item (problems, i);

      if (problem->severity == severity)
        count++;
    }
  return count;
}

static void
cb_problem_finalize (GObject *object)
{
  CbProblem *self = CB_PROBLEM (object);

  g_free (self->code);
  g_clear_object (&self->entity);
  g_free (self->field);
  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (cb_problem_parent_class)->finalize (object);
}

static void
cb_problem_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CbProblem *self = CB_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_int (value, self->severity);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_problem_class_init (CbProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cb_problem_finalize;
  object_class->get_property = cb_problem_get_property;

  properties[PROP_SEVERITY] = g_param_spec_int ("severity", NULL, NULL, CB_SEVERITY_ERROR,
                                                CB_SEVERITY_WARNING, CB_SEVERITY_ERROR, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY] = g_param_spec_object ("entity", NULL, NULL, CB_TYPE_ENTITY, flags);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_problem_init (CbProblem *self)
{
}
