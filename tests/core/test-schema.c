/* test-schema.c: the format's tables and the words people see for them
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "coursebridge-core.h"

/* Every member of every kind has a label of its own, not its JSON name. */
static void
test_field_labels (void)
{
  for (CbKind kind = 0; kind < CB_N_KINDS; kind++)
    {
      const CbKindDef *def = cb_kind_get_def (kind);

      g_assert_cmpint (def->kind, ==, kind);
      for (guint i = 0; i < def->n_fields; i++)
        {
          const char *name = def->fields[i].name;
          const char *label = cb_field_get_label (kind, name);

          g_assert_nonnull (label);
          if (strcmp (label, name) == 0)
            g_error ("The member “%s” of a %s has no label", name, def->name);
        }
    }
  /* Kind-specific labels win over the general one. */
  g_assert_cmpstr (cb_field_get_label (CB_KIND_SUPPORT, "weight"), ==, "Weight (0–1)");
  g_assert_cmpstr (cb_field_get_label (CB_KIND_SKILL, "weight"), ==, "Weight");
}

/* Every enumeration value has a label, and unknown values pass through. */
static void
test_value_labels (void)
{
  for (CbKind kind = 0; kind < CB_N_KINDS; kind++)
    {
      const CbKindDef *def = cb_kind_get_def (kind);

      for (guint i = 0; i < def->n_fields; i++)
        {
          const CbFieldDef *field = &def->fields[i];

          if (field->type != CB_FIELD_ENUM)
            continue;
          g_assert_nonnull (field->values);
          for (guint j = 0; field->values[j] != NULL; j++)
            if (strcmp (cb_value_get_label (field->values[j]), field->values[j]) == 0)
              g_error ("The value “%s” of “%s” has no label", field->values[j], field->name);
        }
    }
  g_assert_cmpstr (cb_value_get_label ("higher-vocational"), ==, "Higher vocational");
  g_assert_cmpstr (cb_value_get_label ("no-such-value"), ==, "no-such-value");
}

/* The schema's internal consistency: ids, keys and titles point at members
 * of the right type, references name kinds that have ids, lists and nested
 * records name kinds, and the GObject class of each kind is the one that
 * reports the kind. */
static void
test_kind_tables (void)
{
  for (CbKind kind = 0; kind < CB_N_KINDS; kind++)
    {
      const CbKindDef *def = cb_kind_get_def (kind);
      g_autoptr (CbEntity) entity = NULL;

      if (def->id_field >= 0)
        g_assert_cmpint (def->fields[def->id_field].type, ==, CB_FIELD_ID);
      if (def->key_field >= 0)
        g_assert_true (def->fields[def->key_field].is_key);
      g_assert_cmpint (cb_kind_find_field (kind, "no-such-member"), ==, -1);

      for (guint i = 0; i < def->n_fields; i++)
        {
          const CbFieldDef *field = &def->fields[i];

          g_assert_cmpint (cb_kind_find_field (kind, field->name), ==, (int) i);
          if (field->type == CB_FIELD_REF || field->type == CB_FIELD_REF_LIST)
            {
              g_assert_nonnull (field->ref_kinds);
              for (const CbKind *k = field->ref_kinds; *k != CB_N_KINDS; k++)
                g_assert_true (cb_kind_has_id (*k));
            }
          if (field->type == CB_FIELD_OBJECT || field->type == CB_FIELD_LIST)
            g_assert_cmpint (field->child_kind, <, CB_N_KINDS);
        }

      if (kind == CB_KIND_PROJECT)
        continue;
      entity = cb_entity_new (kind);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (entity, cb_kind_get_gtype (kind)));
      g_assert_cmpint (cb_entity_get_kind (entity), ==, kind);
      g_assert_nonnull (cb_kind_get_label (kind));
    }
}

/* Property names follow the members' names with dashes. */
static void
test_properties (void)
{
  g_autoptr (CbEntity) skill = cb_entity_new (CB_KIND_SKILL);
  g_autofree char *level = NULL;
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (skill), "level-required");
  g_assert_nonnull (pspec);
  g_object_set (skill, "level-required", "mastered", NULL);
  g_assert_cmpstr (cb_entity_get_string (skill, "level_required"), ==, "mastered");
  g_object_get (skill, "level-required", &level, NULL);
  g_assert_cmpstr (level, ==, "mastered");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/schema/field-labels", test_field_labels);
  g_test_add_func ("/core/schema/value-labels", test_value_labels);
  g_test_add_func ("/core/schema/kind-tables", test_kind_tables);
  g_test_add_func ("/core/schema/properties", test_properties);

  return g_test_run ();
}
