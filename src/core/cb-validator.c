/* cb-validator.c: every check of format.md
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk over the project gathers what the checks need (records by id,
 * what supports each indicator, how far each skill is taught, open change
 * requests); the checks then run in time linear in the project's size.
 */

#define G_LOG_DOMAIN "cb-validator"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cb-problem.h"
#include "cb-project-private.h"

#define EPSILON 1e-6

/* The walks below visit every record: they read slots directly, by field
 * indices looked up once, instead of by name through the public API. */
typedef struct
{
  int support_indicator;
  int module_skill_skill;
  int module_skill_level;
  int review_target;
  int review_kind;
  int review_status;
  int result_assessment;
  int result_objective;
} Fields;

static const Fields *
fields (void)
{
  static Fields f;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      f.support_indicator = cb_kind_find_field (CB_KIND_SUPPORT, "indicator");
      f.module_skill_skill = cb_kind_find_field (CB_KIND_MODULE_SKILL, "skill");
      f.module_skill_level = cb_kind_find_field (CB_KIND_MODULE_SKILL, "level");
      f.review_target = cb_kind_find_field (CB_KIND_REVIEW, "target");
      f.review_kind = cb_kind_find_field (CB_KIND_REVIEW, "kind");
      f.review_status = cb_kind_find_field (CB_KIND_REVIEW, "status");
      f.result_assessment = cb_kind_find_field (CB_KIND_RESULT, "assessment");
      f.result_objective = cb_kind_find_field (CB_KIND_RESULT, "objective");
      g_once_init_leave (&initialized, 1);
    }
  return &f;
}

static inline CbKind
kind_of (CbEntity *entity)
{
  return _cb_entity_def (entity)->kind;
}

static inline const char *
string_at (CbEntity *entity,
           int       field)
{
  return _cb_entity_get_slots (entity)[field].v.s;
}

typedef struct
{
  CbProject *project;
  GListStore *problems;
  GHashTable *first_with_id;      /* id → first record with it (the project's index) */
  GHashTable *supported;          /* indicator or outcome id → TRUE */
  GHashTable *skill_reach;        /* skill id → highest level index + 1 */
  GHashTable *open_changes;       /* target id → TRUE */
  GPtrArray *all;                 /* every record, in document order */
} Validator;

static void
report (Validator  *v,
        CbSeverity  severity,
        const char *code,
        CbEntity   *entity,
        const char *field,
        const char *message)
{
  g_autofree char *base = cb_entity_dup_path (entity);
  g_autofree char *path = NULL;
  g_autoptr (CbProblem) problem = NULL;

  if (field != NULL)
    path = *base ? g_strconcat (base, ".", field, NULL) : g_strdup (field);
  else
    path = g_steal_pointer (&base);
  problem = cb_problem_new (severity, code, entity, field, path, message);
  g_list_store_append (v->problems, problem);
}

/* “the course “Robot Programming”” for messages. */
static char *
describe (CbEntity *entity)
{
  const char *label = cb_kind_get_label (cb_entity_get_kind (entity));
  const char *name = cb_entity_get_display_name (entity);

  if (name == label)
    return g_strdup (label);
  /* Translators: a kind of record and its name, e.g. course “Machine Vision” */
  return g_strdup_printf (_("%s “%s”"), label, name);
}

static int
level_index (const char *level)
{
  if (g_strcmp0 (level, "introduced") == 0)
    return 1;
  if (g_strcmp0 (level, "reinforced") == 0)
    return 2;
  if (g_strcmp0 (level, "mastered") == 0)
    return 3;
  return 0;
}

/* The level a skill is needed at, as the end of a sentence. */
static const char *
level_label (int level)
{
  switch (level)
    {
    case 1:
      /* Translators: a skill is needed … introduced (I of I/R/M) */
      return _("introduced");
    case 2:
      /* Translators: a skill is needed … reinforced (R of I/R/M) */
      return _("reinforced");
    case 3:
    default:
      /* Translators: a skill is needed … mastered (M of I/R/M) */
      return _("mastered");
    }
}

static const char *
expected_type (const CbFieldDef *def)
{
  switch (def->type)
    {
    case CB_FIELD_ID:
    case CB_FIELD_STRING:
    case CB_FIELD_TEXT:
    case CB_FIELD_ENUM:
    case CB_FIELD_REF:
      return _("a string");
    case CB_FIELD_INT:
      return _("a whole number");
    case CB_FIELD_NUMBER:
      return _("a number");
    case CB_FIELD_REF_LIST:
    case CB_FIELD_STRING_LIST:
      return _("an array of strings");
    case CB_FIELD_OBJECT:
      return _("an object");
    case CB_FIELD_LIST:
      return _("an array of objects");
    default:
      g_assert_not_reached ();
    }
}

/* Pass 1: gather */

static void
gather_visit (CbEntity *entity,
              gpointer  user_data)
{
  Validator *v = user_data;
  const Fields *f = fields ();

  g_ptr_array_add (v->all, entity);

  switch (kind_of (entity))
    {
    case CB_KIND_SUPPORT:
      if (string_at (entity, f->support_indicator) != NULL)
        g_hash_table_add (v->supported, (gpointer) string_at (entity, f->support_indicator));
      break;
    case CB_KIND_MODULE_SKILL:
      {
        const char *skill = string_at (entity, f->module_skill_skill);
        int level = level_index (string_at (entity, f->module_skill_level));
        int reached;

        if (skill == NULL)
          break;
        reached = GPOINTER_TO_INT (g_hash_table_lookup (v->skill_reach, skill));
        /* A mapping without a level still shows that the module touches the skill. */
        level = MAX (level, 1);
        if (level > reached)
          g_hash_table_insert (v->skill_reach, (gpointer) skill, GINT_TO_POINTER (level));
      }
      break;
    case CB_KIND_REVIEW:
      if (g_strcmp0 (string_at (entity, f->review_kind), "change-request") == 0 &&
          g_strcmp0 (string_at (entity, f->review_status), "resolved") != 0 &&
          string_at (entity, f->review_target) != NULL)
        g_hash_table_add (v->open_changes, (gpointer) string_at (entity, f->review_target));
      break;
    default:
      break;
    }
}

/* Errors: types, ids, references, values */

static void
check_extras (Validator *v,
              CbEntity  *entity)
{
  GPtrArray *extras = _cb_entity_get_extras (entity);
  CbKind kind;

  if (extras == NULL)
    return;
  kind = kind_of (entity);
  for (guint i = 0; i < extras->len; i++)
    {
      CbExtra *extra = g_ptr_array_index (extras, i);
      int index = cb_kind_find_field (kind, extra->name);
      g_autofree char *message = NULL;
      g_autofree char *what = NULL;
      const CbFieldDef *def;

      /* Unknown members are fine; null stands for an absent member. */
      if (index < 0 || extra->value->type == CB_JSON_NULL)
        continue;
      def = &cb_entity_get_kind_def (entity)->fields[index];

      what = describe (entity);
      if (def->type == CB_FIELD_INT && extra->value->type == CB_JSON_NUMBER)
        {
          g_autofree char *json = cb_json_to_string (extra->value);

          /* Translators: “%s” of %s: a member name and a record, e.g. “semester” of course “X” */
          message = g_strdup_printf (_("“%s” of %s must be a whole number, but is %s. The value is kept as written until you correct it."),
                                     extra->name, what, json);
        }
      else if (extra->value->type == CB_JSON_ARRAY &&
               (def->type == CB_FIELD_LIST || def->type == CB_FIELD_REF_LIST ||
                def->type == CB_FIELD_STRING_LIST))
        message = g_strdup_printf (_("“%s” of %s must be %s, but holds other values; none of it is lost, but it is not used until you correct it."),
                                   extra->name, what, expected_type (def));
      else
        message = g_strdup_printf (_("“%s” of %s must be %s, but is %s. The value is kept as written until you correct it."),
                                   extra->name, what, expected_type (def),
                                   cb_json_type_name (extra->value->type));
      report (v, CB_SEVERITY_ERROR, "wrong-type", entity, extra->name, message);
    }
}

static void
check_reference (Validator        *v,
                 CbEntity         *entity,
                 const CbFieldDef *def,
                 const char       *id)
{
  CbEntity *target = g_hash_table_lookup (v->first_with_id, id);
  CbKind target_kind;
  g_autofree char *what = NULL;
  g_autofree char *found = NULL;
  g_autofree char *message = NULL;

  if (target == NULL)
    {
      what = describe (entity);
      message = g_strdup_printf (_("“%s” of %s refers to “%s”, which is not in the project."),
                                 def->name, what, id);
      report (v, CB_SEVERITY_ERROR, "dangling-reference", entity, def->name, message);
      return;
    }

  target_kind = kind_of (target);
  if (!cb_field_allows_kind (def, target_kind))
    {
      what = describe (entity);
      found = describe (target);
      message = g_strdup_printf (_("“%s” of %s refers to %s, but it must refer to a record of the kind “%s”."),
                                 def->name, what, found,
                                 cb_kind_get_label (def->ref_kinds[0]));
      report (v, CB_SEVERITY_ERROR, "wrong-reference-kind", entity, def->name, message);
      return;
    }

  /* An outcome stands for itself only where it has no indicators. */
  if (target_kind == CB_KIND_OUTCOME && kind_of (entity) == CB_KIND_SUPPORT &&
      cb_entity_get_n_children (target, "indicators") > 0)
    {
      found = describe (target);
      message = g_strdup_printf (_("%s is supported as a whole, but it has indicators: link the objective to one of its indicators instead."),
                                 found);
      report (v, CB_SEVERITY_ERROR, "wrong-reference-kind", entity, def->name, message);
      return;
    }

  /* Objectives and assessments are cited only within their own course. */
  if (target_kind == CB_KIND_OBJECTIVE || target_kind == CB_KIND_ASSESSMENT)
    {
      CbEntity *own_course = cb_entity_get_ancestor (entity, CB_KIND_COURSE);
      CbEntity *target_course = cb_entity_get_ancestor (target, CB_KIND_COURSE);

      if (own_course != NULL && own_course != target_course)
        {
          what = describe (entity);
          found = describe (target);
          message = g_strdup_printf (_("“%s” of %s refers to %s of another course."),
                                     def->name, what, found);
          report (v, CB_SEVERITY_ERROR, "foreign-reference", entity, def->name, message);
        }
    }
}

static void
check_id (Validator *v,
          CbEntity  *entity,
          CbSlot    *slot)
{
  const char *id = slot->v.s;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  CbEntity *first;

  if (id == NULL || *id == '\0')
    {
      what = describe (entity);
      message = g_strdup_printf (_("%s has no id, so nothing can refer to it."), what);
      report (v, CB_SEVERITY_ERROR, "missing-id", entity, "id", message);
    }
  else if ((first = g_hash_table_lookup (v->first_with_id, id)) != entity)
    {
      g_autofree char *other = describe (first);
      g_autofree char *other_path = cb_entity_dup_path (first);

      what = describe (entity);
      message = g_strdup_printf (_("The id “%s” of %s is already used by %s (%s). Every id must be unique."),
                                 id, what, other, other_path);
      report (v, CB_SEVERITY_ERROR, "duplicate-id", entity, "id", message);
    }
}

/* Mapping records are keyed by what they reference; a result by its
 * assessment and its objective together. */
static gboolean
same_key (CbEntity        *a,
          CbEntity        *b,
          const CbKindDef *def)
{
  if (def->kind == CB_KIND_RESULT)
    {
      const Fields *f = fields ();

      return string_at (a, f->result_assessment) != NULL &&
             string_at (a, f->result_objective) != NULL &&
             g_strcmp0 (string_at (a, f->result_assessment), string_at (b, f->result_assessment)) == 0 &&
             g_strcmp0 (string_at (a, f->result_objective), string_at (b, f->result_objective)) == 0;
    }
  return string_at (a, def->key_field) != NULL &&
         g_strcmp0 (string_at (a, def->key_field), string_at (b, def->key_field)) == 0;
}

static guint
key_hash (CbEntity        *entity,
          const CbKindDef *def)
{
  if (def->kind == CB_KIND_RESULT)
    {
      const char *objective = string_at (entity, fields ()->result_objective);

      return objective ? cb_id_hash (objective) : 0;
    }
  return string_at (entity, def->key_field) ? cb_id_hash (string_at (entity, def->key_field)) : 0;
}

static void
check_keys (Validator        *v,
            CbEntity         *entity,
            const CbFieldDef *def,
            CbSlot           *slot)
{
  const CbKindDef *child_def = cb_kind_get_def (def->child_kind);
  g_autofree guint *hashes = NULL;
  g_autoptr (GHashTable) buckets = NULL;
  guint n;

  if (child_def->key_field < 0 || slot->v.list == NULL)
    return;
  n = _cb_list_get_n (slot->v.list);
  if (n < 2)
    return;

  /* Lists of mappings are short: compare the pairs whose hashes agree;
   * long ones go through a table of hashes so the check stays linear. */
  hashes = g_new (guint, n);
  if (n > 64)
    buckets = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                     (GDestroyNotify) g_array_unref);
  for (guint j = 0; j < n; j++)
    {
      CbEntity *child = _cb_list_peek (slot->v.list, j);
      gboolean duplicate = FALSE;

      hashes[j] = key_hash (child, child_def);
      if (buckets != NULL)
        {
          GArray *same_hash = g_hash_table_lookup (buckets, GUINT_TO_POINTER (hashes[j]));

          if (same_hash == NULL)
            {
              same_hash = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (buckets, GUINT_TO_POINTER (hashes[j]), same_hash);
            }
          for (guint k = 0; k < same_hash->len && !duplicate; k++)
            duplicate = same_key (_cb_list_peek (slot->v.list, g_array_index (same_hash, guint, k)),
                                  child, child_def);
          g_array_append_val (same_hash, j);
        }
      else
        for (guint k = 0; k < j && !duplicate; k++)
          duplicate = hashes[k] == hashes[j] &&
                      same_key (_cb_list_peek (slot->v.list, k), child, child_def);
      if (duplicate)
        {
          g_autofree char *parent = describe (entity);
          g_autofree char *message =
            g_strdup_printf (_("%s lists the same %s twice in “%s”."), parent,
                             cb_kind_get_label (child_def->fields[child_def->key_field].ref_kinds[0]),
                             def->name);

          report (v, CB_SEVERITY_ERROR, "duplicate-key", child, NULL, message);
        }
    }
}

static void
check_values (Validator *v,
              CbEntity  *entity)
{
  const CbKindDef *kind_def = _cb_entity_def (entity);
  CbSlot *slots = _cb_entity_get_slots (entity);

  for (guint i = 0; i < kind_def->n_fields; i++)
    {
      const CbFieldDef *def = &kind_def->fields[i];
      CbSlot *slot = &slots[i];
      g_autofree char *message = NULL;
      g_autofree char *what = NULL;

      switch (def->type)
        {
        case CB_FIELD_ID:
          check_id (v, entity, slot);
          break;

        case CB_FIELD_REF:
          if (slot->v.s != NULL)
            check_reference (v, entity, def, slot->v.s);
          else if (def->is_key)
            {
              what = describe (entity);
              message = g_strdup_printf (_("%s does not say which %s it concerns (“%s” is missing)."),
                                         what, cb_kind_get_label (def->ref_kinds[0]), def->name);
              report (v, CB_SEVERITY_ERROR, "missing-reference", entity, def->name, message);
            }
          break;

        case CB_FIELD_REF_LIST:
          for (guint j = 0; slot->v.strv != NULL && slot->v.strv[j] != NULL; j++)
            check_reference (v, entity, def, slot->v.strv[j]);
          break;

        case CB_FIELD_ENUM:
          if (slot->v.s != NULL && !cb_field_enum_is_valid (def, slot->v.s))
            {
              g_autofree char *allowed = g_strjoinv (", ", (char **) def->values);

              what = describe (entity);
              message = g_strdup_printf (_("“%s” of %s is “%s”, which is not one of: %s."),
                                         def->name, what, slot->v.s, allowed);
              report (v, CB_SEVERITY_ERROR, "invalid-value", entity, def->name, message);
            }
          break;

        case CB_FIELD_INT:
        case CB_FIELD_NUMBER:
          if (slot->present && def->min <= def->max)
            {
              double value = def->type == CB_FIELD_INT ? (double) slot->v.i : slot->v.d;

              if (value < def->min - EPSILON || value > def->max + EPSILON)
                {
                  char value_str[G_ASCII_DTOSTR_BUF_SIZE];
                  char min_str[G_ASCII_DTOSTR_BUF_SIZE];
                  char max_str[G_ASCII_DTOSTR_BUF_SIZE];

                  what = describe (entity);
                  g_ascii_formatd (value_str, sizeof value_str, "%g", value);
                  g_ascii_formatd (min_str, sizeof min_str, "%g", def->min);
                  g_ascii_formatd (max_str, sizeof max_str, "%g", def->max);
                  message = g_strdup_printf (_("“%s” of %s is %s, outside the range %s to %s."),
                                             def->name, what, value_str, min_str, max_str);
                  report (v, CB_SEVERITY_ERROR, "out-of-range", entity, def->name, message);
                }
            }
          break;

        case CB_FIELD_LIST:
          if (slot->v.list != NULL)
            check_keys (v, entity, def, slot);
          break;

        case CB_FIELD_STRING:
        case CB_FIELD_TEXT:
        case CB_FIELD_STRING_LIST:
        case CB_FIELD_OBJECT:
        default:
          break;
        }
    }
}

/* Warnings: completeness for accreditation and co-construction */

static gboolean
same (double a,
      double b)
{
  return fabs (a - b) < EPSILON;
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4g", value));
}

static void
check_objective (Validator *v,
                 CbEntity  *objective)
{
  g_autofree char *what = describe (objective);
  g_autofree char *message = NULL;

  if (cb_entity_get_n_children (objective, "supports") == 0)
    {
      message = g_strdup_printf (_("%s supports no graduation requirement indicator."), what);
      report (v, CB_SEVERITY_WARNING, "objective-unsupported", objective, "supports", message);
    }
}

static void
check_course (Validator *v,
              CbEntity  *course)
{
  g_autofree char *what = describe (course);
  GListModel *assessments = cb_entity_get_children (course, "assessments");
  GListModel *objectives = cb_entity_get_children (course, "objectives");
  GListModel *modules = cb_entity_get_children (course, "modules");
  GListModel *team = cb_entity_get_children (course, "team");
  guint n_assessments = g_list_model_get_n_items (assessments);
  guint n_objectives = g_list_model_get_n_items (objectives);
  guint n_modules = g_list_model_get_n_items (modules);
  g_autoptr (GHashTable) shares = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) support_weights = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean has_enterprise = FALSE;
  double weight_sum = 0;

  /* Assessment weights sum to 100; each objective's target shares too. */
  for (guint i = 0; i < n_assessments; i++)
    {
      g_autoptr (CbEntity) assessment = g_list_model_get_item (assessments, i);
      GListModel *targets = cb_entity_get_children (assessment, "targets");
      guint n_targets = g_list_model_get_n_items (targets);

      weight_sum += cb_entity_get_number (assessment, "weight");
      for (guint j = 0; j < n_targets; j++)
        {
          g_autoptr (CbEntity) target = g_list_model_get_item (targets, j);
          const char *objective = cb_entity_get_string (target, "objective");
          double *share;

          if (objective == NULL)
            continue;
          share = g_hash_table_lookup (shares, objective);
          if (share == NULL)
            {
              share = g_new0 (double, 1);
              g_hash_table_insert (shares, (gpointer) objective, share);
            }
          *share += cb_entity_get_number (target, "weight");
        }
    }
  if (n_assessments > 0 && !same (weight_sum, 100))
    {
      g_autofree char *sum = format_number (weight_sum);
      g_autofree char *message =
        g_strdup_printf (_("The assessment weights of %s add up to %s %%, not 100 %%."), what, sum);

      report (v, CB_SEVERITY_WARNING, "assessment-weights", course, "assessments", message);
    }

  for (guint i = 0; i < n_objectives; i++)
    {
      g_autoptr (CbEntity) objective = g_list_model_get_item (objectives, i);
      const char *id = cb_entity_get_id (objective);
      double *share = id ? g_hash_table_lookup (shares, id) : NULL;
      g_autofree char *objective_what = describe (objective);
      g_autofree char *message = NULL;
      GListModel *supports = cb_entity_get_children (objective, "supports");
      guint n_supports = g_list_model_get_n_items (supports);

      if (share == NULL)
        {
          message = g_strdup_printf (_("No assessment of %s measures %s."), what, objective_what);
          report (v, CB_SEVERITY_WARNING, "objective-unassessed", objective, NULL, message);
        }
      else if (!same (*share, 100))
        {
          g_autofree char *sum = format_number (*share);

          message = g_strdup_printf (_("The assessments of %s measure %s with shares that add up to %s %%, not 100 %%."),
                                     what, objective_what, sum);
          report (v, CB_SEVERITY_WARNING, "target-shares", objective, NULL, message);
        }

      /* Support weights, where used, per indicator within the course. */
      for (guint j = 0; j < n_supports; j++)
        {
          g_autoptr (CbEntity) support = g_list_model_get_item (supports, j);
          const char *indicator = cb_entity_get_string (support, "indicator");
          double *sum;

          if (indicator == NULL || !cb_entity_has_field (support, "weight"))
            continue;
          sum = g_hash_table_lookup (support_weights, indicator);
          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (support_weights, (gpointer) indicator, sum);
            }
          *sum += cb_entity_get_number (support, "weight");
        }
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, support_weights);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!same (*(double *) value, 1))
        {
          CbEntity *indicator = g_hash_table_lookup (v->first_with_id, key);
          g_autofree char *indicator_what = indicator ? describe (indicator) : g_strdup (key);
          g_autofree char *sum = format_number (*(double *) value);
          g_autofree char *message =
            g_strdup_printf (_("In %s, the support weights for %s add up to %s, not 1."),
                             what, indicator_what, sum);

          report (v, CB_SEVERITY_WARNING, "support-weights", course, "objectives", message);
        }
  }

  /* Module hours add up to the course's hours. */
  if (n_modules > 0 && cb_entity_get_object (course, "hours") != NULL)
    {
      CbEntity *hours = cb_entity_get_object (course, "hours");
      const char *parts[] = { "theory", "practice" };

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          double total = 0;

          if (!cb_entity_has_field (hours, parts[p]))
            continue;
          for (guint i = 0; i < n_modules; i++)
            {
              g_autoptr (CbEntity) module = g_list_model_get_item (modules, i);
              CbEntity *module_hours = cb_entity_get_object (module, "hours");

              if (module_hours != NULL)
                total += cb_entity_get_number (module_hours, parts[p]);
            }
          if (!same (total, cb_entity_get_number (hours, parts[p])))
            {
              g_autofree char *sum = format_number (total);
              g_autofree char *expected = format_number (cb_entity_get_number (hours, parts[p]));
              g_autofree char *message = NULL;
              g_autofree char *field = g_strconcat ("hours.", parts[p], NULL);

              if (p == 0)
                message = g_strdup_printf (_("The modules of %s have %s theory hours in all, but the course has %s."),
                                           what, sum, expected);
              else
                message = g_strdup_printf (_("The modules of %s have %s practice hours in all, but the course has %s."),
                                           what, sum, expected);
              report (v, CB_SEVERITY_WARNING, "module-hours", course, field, message);
            }
        }
    }

  /* Co-construction: an enterprise expert on the team. */
  for (guint i = 0; i < g_list_model_get_n_items (team); i++)
    {
      g_autoptr (CbEntity) member = g_list_model_get_item (team, i);
      CbEntity *person = g_hash_table_lookup (v->first_with_id,
                                              cb_entity_get_string (member, "person") ?: "");

      if (person != NULL && cb_entity_get_kind (person) == CB_KIND_PERSON &&
          g_strcmp0 (cb_entity_get_string (person, "role"), "enterprise-expert") == 0)
        has_enterprise = TRUE;
    }
  if (!has_enterprise)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s has no enterprise expert on its team."), what);

      report (v, CB_SEVERITY_WARNING, "no-enterprise-expert", course, "team", message);
    }
}

static void
check_indicator (Validator *v,
                 CbEntity  *entity)
{
  const char *id = cb_entity_get_id (entity);

  /* An outcome is checked itself only when it has no indicators. */
  if (cb_entity_get_kind (entity) == CB_KIND_OUTCOME &&
      cb_entity_get_n_children (entity, "indicators") > 0)
    return;
  if (id != NULL && !g_hash_table_contains (v->supported, id))
    {
      g_autofree char *what = describe (entity);
      g_autofree char *message =
        g_strdup_printf (_("No course objective supports %s."), what);

      report (v, CB_SEVERITY_WARNING, "indicator-unsupported", entity, NULL, message);
    }
}

static void
check_skill (Validator *v,
             CbEntity  *skill)
{
  const char *id = cb_entity_get_id (skill);
  int required = level_index (cb_entity_get_string (skill, "level_required"));
  int reached;

  /* Importance outside 1–5 is reported as out of range already. */
  if (id == NULL || !cb_entity_has_field (skill, "importance") ||
      cb_entity_get_int (skill, "importance") < 4 || cb_entity_get_int (skill, "importance") > 5)
    return;
  reached = GPOINTER_TO_INT (g_hash_table_lookup (v->skill_reach, id));
  if (reached == 0 || reached < required)
    {
      g_autofree char *what = describe (skill);
      g_autofree char *message = NULL;

      if (reached == 0)
        message = g_strdup_printf (_("Industry rates %s as important (%d of 5), but no module teaches it."),
                                   what, (int) cb_entity_get_int (skill, "importance"));
      else
        message = g_strdup_printf (_("Industry rates %s as important (%d of 5) and needs it %s, but no module takes it that far."),
                                   what, (int) cb_entity_get_int (skill, "importance"),
                                   level_label (required));
      report (v, CB_SEVERITY_WARNING, "skill-gap", skill, NULL, message);
    }
}

static void
check_module (Validator *v,
              CbEntity  *module)
{
  const char *id = cb_entity_get_id (module);

  if (id != NULL && g_strcmp0 (cb_entity_get_string (module, "status"), "approved") == 0 &&
      g_hash_table_contains (v->open_changes, id))
    {
      g_autofree char *what = describe (module);
      g_autofree char *message =
        g_strdup_printf (_("%s is approved, but a change request on it is still open."), what);

      report (v, CB_SEVERITY_WARNING, "approved-with-open-changes", module, "status", message);
    }
}

/**
 * cb_validate:
 * @project: a project
 *
 * Runs every check of the format: errors (wrong types, ids, references,
 * values) and completeness warnings for accreditation and co-construction.
 *
 * Returns: (transfer full): a list of #CbProblem, errors and warnings in
 * document order
 */
GListStore *
cb_validate (CbProject *project)
{
  Validator v = { 0 };

  g_return_val_if_fail (CB_IS_PROJECT (project), NULL);

  v.project = project;
  v.problems = g_list_store_new (CB_TYPE_PROBLEM);
  v.first_with_id = _cb_project_get_index (project);
  v.supported = g_hash_table_new (cb_id_hash, g_str_equal);
  v.skill_reach = g_hash_table_new (cb_id_hash, g_str_equal);
  v.open_changes = g_hash_table_new (cb_id_hash, g_str_equal);
  v.all = g_ptr_array_new ();

  _cb_entity_visit (CB_ENTITY (project), gather_visit, &v);

  for (guint i = 0; i < v.all->len; i++)
    {
      CbEntity *entity = g_ptr_array_index (v.all, i);

      check_extras (&v, entity);
      check_values (&v, entity);
      switch (kind_of (entity))
        {
        case CB_KIND_COURSE:
          check_course (&v, entity);
          break;
        case CB_KIND_OBJECTIVE:
          check_objective (&v, entity);
          break;
        case CB_KIND_OUTCOME:
        case CB_KIND_INDICATOR:
          check_indicator (&v, entity);
          break;
        case CB_KIND_SKILL:
          check_skill (&v, entity);
          break;
        case CB_KIND_MODULE:
          check_module (&v, entity);
          break;
        default:
          break;
        }
    }

  g_ptr_array_unref (v.all);
  g_hash_table_unref (v.supported);
  g_hash_table_unref (v.skill_reach);
  g_hash_table_unref (v.open_changes);
  return v.problems;
}
