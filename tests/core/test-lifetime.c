/* test-lifetime.c: records as GObjects: ids, properties and lifetimes
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-lifetime"

#include "test-util.h"

static void
assert_path (CbEntity   *entity,
             const char *expected)
{
  g_autofree char *path = cb_entity_dup_path (entity);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_set_id (void)
{
  g_autoptr (CbEntity) course = cb_entity_new (CB_KIND_COURSE);
  g_autoptr (CbEntity) hours = cb_entity_new (CB_KIND_HOURS);

  g_assert_null (cb_entity_get_id (course));
  g_assert_null (cb_entity_get_id (hours));
  g_assert_false (cb_kind_has_id (CB_KIND_HOURS));
  g_assert_true (cb_entity_set_id (course, "first"));
  g_assert_true (cb_entity_set_id (course, "first"));
  g_assert_false (cb_entity_set_id (course, "second"));
  g_assert_cmpstr (cb_entity_get_id (course), ==, "first");
}

/* Lifetimes */

static void
test_finalize (void)
{
  CbProject *project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 1);
  CbEntity *module = cb_entity_get_child (course, "modules", 0);
  CbEntity *kept = g_object_ref (test_course (project, 2));
  gpointer weak_module = module;

  /* Edits below the top level, a removal held by the undo stack. */
  g_object_add_weak_pointer (G_OBJECT (module), &weak_module);
  cb_entity_set_string (course, "title", "Edited");
  cb_entity_remove (module);
  cb_entity_set_number (cb_entity_ensure_object (course, "hours"), "theory", 1);
  g_assert_true (cb_project_undo (project));
  test_assert_finalized (project);
  g_assert_null (weak_module);

  /* A record that outlives its project no longer points at it. */
  g_assert_null (cb_entity_get_project (kept));
  if (cb_entity_get_parent (kept) != NULL)
    g_test_fail_printf ("a course that outlives its project still has it as its parent "
                        "(a dangling pointer)");
  else
    assert_path (cb_entity_get_child (kept, "modules", 0), "modules[0]");
  test_assert_finalized (kept);
}

/* The undo stack holds the records it changes: the project too, when a
 * member of the project itself changes. That must not keep it alive. */
static void
test_finalize_top_level_edits (void)
{
  const char *steps[] = { "title", "append", "synth" };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      CbProject *project;

      if (i == 2)
        {
          const CbSynthSize size = { 2, 2, 3, 2, 2, 1, 1 };

          project = cb_synth_project (&size);
        }
      else
        {
          project = test_load_example_project ("robotics-en.coursebridge");
          if (i == 0)
            cb_entity_set_string (CB_ENTITY (project), "title", "Edited");
          else
            {
              g_autoptr (CbEntity) person = cb_entity_new_with_id (CB_KIND_PERSON);

              cb_entity_append_child (CB_ENTITY (project), "people", person);
            }
        }
      g_test_message ("top-level edit: %s", steps[i]);
      test_assert_finalized (project);
    }
}

static void
test_properties (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  CbEntity *skill = cb_entity_get_child (CB_ENTITY (project), "skills", 0);
  g_autoptr (GListModel) modules = NULL;
  g_autoptr (CbEntity) hours = NULL;
  g_auto (GStrv) requested = NULL;
  g_autofree char *level = NULL;
  double credits = 0;
  gint64 importance = 0;
  gboolean can_undo = TRUE, dirty = TRUE, read_only = TRUE;

  g_object_get (course, "modules", &modules, "hours", &hours, "credits", &credits, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, 6);
  g_assert_true (modules == cb_entity_get_children (course, "modules"));
  g_assert_true (hours == cb_entity_get_object (course, "hours"));
  g_assert_cmpfloat (credits, ==, 4);

  g_object_get (skill, "level-required", &level, "importance", &importance, "requested-by", &requested, NULL);
  g_assert_cmpstr (level, ==, "mastered");
  g_assert_cmpint (importance, ==, 5);
  g_assert_cmpuint (g_strv_length (requested), ==, 2);

  g_object_get (project, "can-undo", &can_undo, "dirty", &dirty, "read-only", &read_only, NULL);
  g_assert_false (can_undo);
  g_assert_false (dirty);
  g_assert_false (read_only);

  /* Setting a property is a recorded edit. */
  g_object_set (skill, "level-required", "reinforced", "importance", (gint64) 3, NULL);
  g_assert_cmpstr (cb_entity_get_string (skill, "level_required"), ==, "reinforced");
  g_assert_cmpint (cb_entity_get_int (skill, "importance"), ==, 3);
  g_assert_true (cb_project_can_undo (project));
  g_assert_true (cb_project_undo (project));
  g_assert_cmpint (cb_entity_get_int (skill, "importance"), ==, 5);
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (skill, "level_required"), ==, "mastered");
  g_object_set (project, "title", "Via property", NULL);
  g_assert_cmpstr (cb_project_get_title (project), ==, "Via property");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/lifetime/set-id", test_set_id);
  g_test_add_func ("/core/lifetime/properties", test_properties);
  g_test_add_func ("/core/lifetime/finalize", test_finalize);
  g_test_add_func ("/core/lifetime/finalize-top-level-edits", test_finalize_top_level_edits);

  return g_test_run ();
}
