/* cb-form-summary.c: what CbForm computes from the model to show
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one-line summaries under the rows of nested records ("4 h theory ·
 * 6 h practice · 3 skills") and the live sums in the descriptions of a
 * course's groups: assessment weights against 100 %, and the modules'
 * hours against the course's. Sums follow every step of the project, so
 * an undo or an edit on another page updates them too.
 */
#define G_LOG_DOMAIN "cb-form"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cb-form-private.h"

#define SUMMARY_MAX_CHARS 120
#define EPSILON 1e-9

/* Summaries */

static void
add_part (GPtrArray *parts,
          char      *part)
{
  if (part != NULL && *part != '\0')
    g_ptr_array_add (parts, part);
  else
    g_free (part);
}

static void
add_string (GPtrArray  *parts,
            CbEntity   *entity,
            const char *field)
{
  const char *value = cb_entity_get_string (entity, field);
  char *line;

  if (value == NULL)
    return;
  line = g_strdup (value);
  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > SUMMARY_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (line, 0, SUMMARY_MAX_CHARS - 1);

      g_free (line);
      line = g_strconcat (g_strchomp (head), "…", NULL);
    }
  add_part (parts, line);
}

static void
add_value (GPtrArray  *parts,
           CbEntity   *entity,
           const char *field)
{
  const char *value = cb_entity_get_string (entity, field);

  if (value != NULL)
    add_part (parts, g_strdup (cb_value_get_label (value)));
}

static void
add_module_hours (GPtrArray *parts,
                  CbEntity  *module)
{
  CbEntity *hours = cb_entity_get_object (module, "hours");

  if (hours == NULL)
    return;
  if (cb_entity_has_field (hours, "theory"))
    {
      g_autofree char *number = _cb_form_format_number (cb_entity_get_number (hours, "theory"));

      /* Translators: %s is a number of hours */
      add_part (parts, g_strdup_printf (_("%s h theory"), number));
    }
  if (cb_entity_has_field (hours, "practice"))
    {
      g_autofree char *number = _cb_form_format_number (cb_entity_get_number (hours, "practice"));

      /* Translators: %s is a number of hours */
      add_part (parts, g_strdup_printf (_("%s h practice"), number));
    }
}

/**
 * _cb_form_dup_summary:
 * @entity: a record shown as a row of a list
 *
 * Returns: (transfer full) (nullable): a short line about @entity
 */
char *
_cb_form_dup_summary (CbEntity *entity)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) summary = NULL;
  guint n;

  switch ((int) cb_entity_get_kind (entity))
    {
    case CB_KIND_MODULE:
      add_module_hours (parts, entity);
      n = cb_entity_get_n_children (entity, "skills");
      if (n > 0)
        add_part (parts, g_strdup_printf (ngettext ("%u skill", "%u skills", n), n));
      add_value (parts, entity, "status");
      break;
    case CB_KIND_OBJECTIVE:
      add_value (parts, entity, "kind");
      add_string (parts, entity, "text");
      break;
    case CB_KIND_ASSESSMENT:
      add_value (parts, entity, "kind");
      if (cb_entity_has_field (entity, "weight"))
        {
          double weight = cb_entity_get_number (entity, "weight");
          g_autofree char *number = _cb_form_format_number (weight);

          /* Translators: an assessment's share of the grade; %s is a number */
          add_part (parts, g_strdup_printf (_("%s %%"), number));
        }
      n = cb_entity_get_n_children (entity, "targets");
      if (n > 0)
        add_part (parts, g_strdup_printf (ngettext ("%u objective", "%u objectives", n), n));
      break;
    case CB_KIND_OFFERING:
      if (cb_entity_has_field (entity, "students"))
        {
          /* The format allows up to a million students. */
          int students = (int) CLAMP (cb_entity_get_int (entity, "students"), 0, G_MAXINT);

          add_part (parts, g_strdup_printf (ngettext ("%d student", "%d students",
                                                      (gulong) students),
                                            students));
        }
      n = cb_entity_get_n_children (entity, "results");
      if (n > 0)
        add_part (parts, g_strdup_printf (ngettext ("%u score summary", "%u score summaries", n),
                                          n));
      break;
    case CB_KIND_TEXTBOOK:
      add_string (parts, entity, "authors");
      add_string (parts, entity, "publisher");
      if (cb_entity_has_field (entity, "year"))
        add_part (parts, g_strdup_printf ("%" G_GINT64_FORMAT, cb_entity_get_int (entity, "year")));
      break;
    case CB_KIND_RESOURCE:
      add_value (parts, entity, "kind");
      add_string (parts, entity, "citation");
      break;
    case CB_KIND_INDICATOR:
      add_string (parts, entity, "text");
      break;
    case CB_KIND_RESPONSIBILITY:
      add_value (parts, entity, "party");
      break;
    case CB_KIND_REPLY:
      add_string (parts, entity, "created");
      break;
    case CB_KIND_PERSON:
      add_value (parts, entity, "role");
      add_string (parts, entity, "title");
      break;
    case CB_KIND_PARTNER:
      add_value (parts, entity, "kind");
      add_string (parts, entity, "region");
      break;
    case CB_KIND_SKILL:
      add_string (parts, entity, "code");
      add_value (parts, entity, "level_required");
      break;
    case CB_KIND_OUTCOME:
      add_string (parts, entity, "code");
      n = cb_entity_get_n_children (entity, "indicators");
      if (n > 0)
        add_part (parts, g_strdup_printf (ngettext ("%u indicator", "%u indicators", n), n));
      break;
    case CB_KIND_COURSE:
      add_string (parts, entity, "code");
      add_value (parts, entity, "category");
      add_value (parts, entity, "status");
      break;
    case CB_KIND_REVIEW:
      add_value (parts, entity, "kind");
      add_value (parts, entity, "status");
      break;
    default:
      break;
    }

  if (parts->len == 0)
    return NULL;
  summary = g_string_new (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      /* Translators: separates the parts of a summary such as "4 h theory · 3 skills" */
      g_string_append (summary, _(" · "));
      g_string_append (summary, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

/* Live sums */

typedef enum {
  SUM_ASSESSMENT_WEIGHTS,
  SUM_MODULE_HOURS,
  SUM_OBJECTIVE_SHARES,
} SumKind;

typedef struct
{
  SumKind kind;
  GtkWidget *label;   /* unowned: the group's description label */
} SumData;

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
differs (double a,
         double b)
{
  return fabs (a - b) > EPSILON;
}

static char *
dup_weights_text (CbEntity *course,
                  gboolean *warning)
{
  guint n = cb_entity_get_n_children (course, "assessments");
  g_autofree char *number = NULL;
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += cb_entity_get_number (cb_entity_get_child (course, "assessments", i), "weight");
  number = _cb_form_format_number (total);
  *warning = differs (total, 100);
  /* Translators: the sum of a course's assessment weights, which should be
   * 100; %s is a number, %% a percent sign */
  return g_strdup_printf (_("Weights add up to %s %% of 100 %%"), number);
}

static char *
dup_hours_text (CbEntity *course,
                gboolean *warning)
{
  CbEntity *hours = cb_entity_get_object (course, "hours");
  guint n = cb_entity_get_n_children (course, "modules");
  double theory = 0, practice = 0;
  double course_theory, course_practice;
  g_autofree char *theory_text = NULL;
  g_autofree char *practice_text = NULL;

  for (guint i = 0; i < n; i++)
    {
      CbEntity *module = cb_entity_get_child (course, "modules", i);
      CbEntity *module_hours = cb_entity_get_object (module, "hours");

      if (module_hours != NULL)
        {
          theory += cb_entity_get_number (module_hours, "theory");
          practice += cb_entity_get_number (module_hours, "practice");
        }
    }
  theory_text = _cb_form_format_number (theory);
  practice_text = _cb_form_format_number (practice);

  course_theory = hours != NULL ? cb_entity_get_number (hours, "theory") : 0;
  course_practice = hours != NULL ? cb_entity_get_number (hours, "practice") : 0;
  *warning = hours != NULL &&
             (differs (theory, course_theory) || differs (practice, course_practice));
  if (*warning)
    {
      g_autofree char *course_theory_text = _cb_form_format_number (course_theory);
      g_autofree char *course_practice_text = _cb_form_format_number (course_practice);

      /* Translators: the modules' hours next to the course's, which differ;
       * every %s is a number of hours */
      return g_strdup_printf (_("Modules: %s h theory, %s h practice (the course: %s h, %s h)"),
                              theory_text, practice_text, course_theory_text, course_practice_text);
    }
  /* Translators: the sums of the modules' hours; every %s is a number */
  return g_strdup_printf (_("Modules: %s h theory, %s h practice"), theory_text, practice_text);
}

/* For each objective, the shares of its evaluation that the assessments
 * provide, which should add up to 100. */
static char *
dup_shares_text (CbEntity *course,
                 gboolean *warning)
{
  guint n_objectives = cb_entity_get_n_children (course, "objectives");
  guint n_assessments = cb_entity_get_n_children (course, "assessments");
  g_autoptr (GPtrArray) off = g_ptr_array_new_with_free_func (g_free);

  *warning = FALSE;
  if (n_objectives == 0)
    return g_strdup ("");
  for (guint i = 0; i < n_objectives; i++)
    {
      CbEntity *objective = cb_entity_get_child (course, "objectives", i);
      const char *id = cb_entity_get_id (objective);
      double total = 0;

      for (guint j = 0; j < n_assessments; j++)
        {
          CbEntity *assessment = cb_entity_get_child (course, "assessments", j);
          guint n_targets = cb_entity_get_n_children (assessment, "targets");

          for (guint k = 0; k < n_targets; k++)
            {
              CbEntity *target = cb_entity_get_child (assessment, "targets", k);

              if (id != NULL && g_strcmp0 (cb_entity_get_string (target, "objective"), id) == 0)
                total += cb_entity_get_number (target, "weight");
            }
        }
      if (differs (total, 100))
        {
          g_autofree char *number = _cb_form_format_number (total);

          /* Translators: an objective's code and the share (in percent) of
           * its evaluation the assessments provide, e.g. "CO2 80 %" */
          g_ptr_array_add (off, g_strdup_printf (_("%s %s %%"), cb_entity_get_display_name (objective),
                                                 number));
        }
    }
  if (off->len == 0)
    /* Translators: every course objective is fully measured by the assessments */
    return g_strdup (_("The assessments measure every objective to 100 %"));
  *warning = TRUE;
  g_ptr_array_add (off, NULL);
  {
    /* Translators: separates the objectives in a list */
    g_autofree char *list = g_strjoinv (_(", "), (char **) off->pdata);

    /* Translators: %s is a list such as "CO2 80 %, CO3 0 %"; each should be 100 % */
    return g_strdup_printf (_("Measured by the assessments, of 100 %%: %s"), list);
  }
}

static void
update_sum (CbFormField *field)
{
  SumData *data = field->data;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (field->owner);
  g_autofree char *text = NULL;
  gboolean warning = FALSE;

  if (data->kind == SUM_ASSESSMENT_WEIGHTS)
    text = dup_weights_text (field->entity, &warning);
  else if (data->kind == SUM_OBJECTIVE_SHARES)
    text = dup_shares_text (field->entity, &warning);
  else
    text = dup_hours_text (field->entity, &warning);

  if (g_strcmp0 (adw_preferences_group_get_description (group), text) != 0)
    adw_preferences_group_set_description (group, text);
  /* The group has no API for its description's style: find the label once. */
  if (data->label == NULL && *text != '\0')
    data->label = find_label (field->owner, text);
  if (data->label != NULL)
    {
      if (warning)
        {
          gtk_widget_add_css_class (data->label, "warning");
          gtk_widget_remove_css_class (data->label, "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (data->label, "warning");
          gtk_widget_add_css_class (data->label, "dim-label");
        }
    }
}

static void
on_sum_project_changed (CbProject   *project,
                        CbFormField *field)
{
  update_sum (field);
}

/**
 * _cb_form_attach_sum:
 * @group: the group of member @def of @entity
 *
 * Gives the group a description with a live sum, where one applies.
 */
void
_cb_form_attach_sum (CbForm           *self,
                     CbEntity         *entity,
                     const CbFieldDef *def,
                     GtkWidget        *group)
{
  SumData *data;
  CbFormField *field;

  if (cb_entity_get_kind (entity) != CB_KIND_COURSE)
    return;
  data = g_new0 (SumData, 1);
  if (strcmp (def->name, "assessments") == 0)
    data->kind = SUM_ASSESSMENT_WEIGHTS;
  else if (strcmp (def->name, "hours") == 0)
    data->kind = SUM_MODULE_HOURS;
  else if (strcmp (def->name, "objectives") == 0)
    data->kind = SUM_OBJECTIVE_SHARES;
  else
    {
      g_free (data);
      return;
    }
  field = _cb_form_field_new (self, entity, def, group);
  field->data = data;
  field->data_free = g_free;
  update_sum (field);
  _cb_form_field_connect_changed (field, G_CALLBACK (on_sum_project_changed));
}
