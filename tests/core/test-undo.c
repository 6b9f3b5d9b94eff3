/* test-undo.c: undo and redo restore the exact state
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-undo"

#include "test-util.h"

static guint
count_undo_steps (CbProject *project)
{
  guint n = 0;

  while (cb_project_undo (project))
    n++;
  return n;
}

/* Runs edit @i on @project; returns FALSE when there are no more. */
static gboolean
do_edit (CbProject *project,
         guint      i)
{
  CbEntity *root = CB_ENTITY (project);
  CbEntity *course = test_course (project, 0);
  CbEntity *module = cb_entity_get_child (course, "modules", 0);

  switch (i)
    {
    case 0:
      cb_entity_set_string (course, "title", "Industrial robot programming");
      break;
    case 1:
      cb_entity_set_string (module, "summary", "Line one.\n\n- a list item\n- \"quoted\" \\ and \t tab");
      break;
    case 2:
      cb_entity_set_number (course, "credits", 3.5);
      break;
    case 3:
      cb_entity_set_number (cb_entity_get_object (module, "hours"), "theory", 5.25);
      break;
    case 4:
      cb_entity_set_int (course, "semester", 4);
      break;
    case 5:
      cb_entity_set_strv (module, "topics", (const char *[]) { "x", "y", "\xe6\xa0\x87", NULL });
      break;
    case 6:
      cb_entity_set_strv (module, "methods", NULL);
      break;
    case 7:
      g_assert_null (cb_entity_get_object (module, "project"));
      cb_entity_ensure_object (module, "project");
      break;
    case 8:
      cb_entity_set_string (cb_entity_get_object (module, "project"), "title", "Palletising cell");
      break;
    case 9:
      cb_entity_unset (course, "description");
      break;
    case 10:
      {
        g_autoptr (CbEntity) fresh = cb_entity_new_with_id (CB_KIND_MODULE);

        cb_entity_set_string (fresh, "title", "A new module");
        cb_entity_set_number (cb_entity_ensure_object (fresh, "hours"), "practice", 4);
        cb_entity_insert_child (course, "modules", 1, fresh);
      }
      break;
    case 11:
      cb_entity_remove_child (course, "modules", 3);
      break;
    case 12:
      cb_entity_move_child (course, "modules", 0, 4);
      break;
    case 13:
      {
        g_autoptr (CbEntity) copy = cb_entity_duplicate (test_course (project, 1));

        cb_entity_insert_child (root, "courses", 0, copy);
      }
      break;
    case 14:
      cb_entity_remove (test_course (project, 3));
      break;
    case 15:
      cb_entity_set_string (cb_entity_get_child (root, "skills", 0), "level_required", "reinforced");
      break;
    case 16:
      {
        CbEntity *objective = cb_entity_get_child (course, "objectives", 0);
        CbEntity *support = cb_entity_get_child (objective, "supports", 0);
        CbEntity *outcome = cb_entity_get_child (root, "outcomes", 5);
        CbEntity *indicator = cb_entity_get_child (outcome, "indicators", 0);

        g_assert_cmpstr (cb_entity_get_string (support, "indicator"), !=, cb_entity_get_id (indicator));
        cb_entity_set_string (support, "indicator", cb_entity_get_id (indicator));
      }
      break;
    case 17:
      {
        /* Into a list the file did not have. */
        CbEntity *bare = cb_entity_get_child (test_course (project, 3), "modules", 0);
        g_autoptr (CbEntity) resource = cb_entity_new_with_id (CB_KIND_RESOURCE);

        g_assert_false (cb_entity_has_field (bare, "resources"));
        cb_entity_set_string (resource, "kind", "link");
        cb_entity_append_child (bare, "resources", resource);
      }
      break;
    case 18:
      cb_entity_remove_child (course, "textbooks", 0);
      g_assert_cmpuint (cb_entity_get_n_children (course, "textbooks"), ==, 0);
      break;
    case 19:
      g_object_set (cb_entity_get_child (root, "people", 0), "email", "new@example.org", NULL);
      break;
    case 20:
      cb_entity_set_string (root, "title", NULL);
      break;
    case 21:
      cb_entity_remove (cb_entity_get_object (root, "program"));
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

static void
test_sequence (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autoptr (CbProject) project = test_load_text (original);
  g_autoptr (GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_ptr_array_add (states, g_strdup (original));
  for (guint i = 0; do_edit (project, i); i++)
    {
      char *text = test_serialize (project);

      if (strcmp (text, g_ptr_array_index (states, states->len - 1)) == 0)
        g_error ("edit %u changed nothing", i);
      g_ptr_array_add (states, text);
      g_assert_true (cb_project_can_undo (project));
      g_assert_false (cb_project_can_redo (project));
    }
  n = states->len - 1;
  g_assert_true (cb_project_get_dirty (project));

  /* Every step back gives the bytes of the state before it. */
  for (guint i = n; i > 0; i--)
    {
      const char *expected = g_ptr_array_index (states, i - 1);

      g_test_message ("undoing edit %u", i - 1);
      g_assert_true (cb_project_undo (project));
      test_assert_serializes_to (project, expected);
    }
  g_assert_false (cb_project_undo (project));
  g_assert_false (cb_project_can_undo (project));
  g_assert_false (cb_project_get_dirty (project));
  test_assert_serializes_to (project, original);

  /* And forward again. */
  for (guint i = 1; i <= n; i++)
    {
      g_test_message ("redoing edit %u", i - 1);
      g_assert_true (cb_project_redo (project));
      test_assert_serializes_to (project, (const char *) g_ptr_array_index (states, i));
    }
  g_assert_false (cb_project_redo (project));
  g_assert_false (cb_project_can_redo (project));

  /* The duplicated course's records are found by their ids after redo. */
  {
    CbEntity *copy = test_course (project, 0);
    CbEntity *module = cb_entity_get_child (copy, "modules", 0);

    g_assert_true (cb_project_lookup (project, cb_entity_get_id (copy)) == copy);
    g_assert_true (cb_project_lookup (project, cb_entity_get_id (module)) == module);
  }

  /* Loading the edited bytes gives the same project. */
  {
    g_autoptr (CbProject) again = test_load_text (g_ptr_array_index (states, n));

    test_assert_serializes_to (again, (const char *) g_ptr_array_index (states, n));
  }

  g_assert_cmpuint (count_undo_steps (project), ==, n);
  test_assert_serializes_to (project, original);
}

static void
test_group (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autoptr (CbProject) project = test_load_text (original);
  CbEntity *course = test_course (project, 1);
  g_autofree char *edited = NULL;

  cb_project_begin_group (project, "Rename and renumber");
  cb_entity_set_string (course, "title", "Renamed");
  cb_entity_set_string (course, "code", "ROB9999");
  cb_project_begin_group (project, "Inner label");
  cb_entity_set_int (course, "semester", 7);
  cb_entity_remove_child (course, "modules", 0);
  cb_project_end_group (project);
  g_assert_false (cb_project_can_undo (project));
  cb_project_end_group (project);

  g_assert_true (cb_project_can_undo (project));
  g_assert_cmpstr (cb_project_get_undo_label (project), ==, "Rename and renumber");
  edited = test_serialize (project);

  g_assert_true (cb_project_undo (project));
  g_assert_false (cb_project_can_undo (project));
  test_assert_serializes_to (project, original);
  g_assert_cmpstr (cb_project_get_redo_label (project), ==, "Rename and renumber");
  g_assert_null (cb_project_get_undo_label (project));

  g_assert_true (cb_project_redo (project));
  test_assert_serializes_to (project, edited);
  g_assert_cmpuint (count_undo_steps (project), ==, 1);

  /* An edit outside a group has no label. */
  cb_entity_set_string (course, "title", "Plain");
  g_assert_null (cb_project_get_undo_label (project));
}

static void
test_coalescing (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autoptr (CbProject) project = test_load_text (original);
  CbEntity *course = test_course (project, 0);
  CbEntity *module = cb_entity_get_child (course, "modules", 0);
  const char *title = cb_entity_get_string (course, "title");
  g_autofree char *old_title = g_strdup (title);

  /* Typing is one step. */
  cb_entity_set_string (course, "title", "R");
  cb_entity_set_string (course, "title", "Ro");
  cb_entity_set_string (course, "title", "Rob");
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (course, "title"), ==, old_title);
  g_assert_false (cb_project_can_undo (project));
  g_assert_true (cb_project_redo (project));
  g_assert_cmpstr (cb_entity_get_string (course, "title"), ==, "Rob");

  /* ... but not across a redo, a break, another field or another record. */
  cb_entity_set_string (course, "title", "Robo");
  cb_project_break_coalescing (project);
  cb_entity_set_string (course, "title", "Robot");
  cb_entity_set_string (course, "code", "C");
  cb_entity_set_string (course, "code", "CX");
  cb_entity_set_string (module, "title", "M");
  cb_entity_set_string (course, "code", "CXY");
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (course, "code"), ==, "CX");
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (module, "title"), !=, "M");
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (course, "code"), ==, "ROB2101");
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (course, "title"), ==, "Robo");
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (course, "title"), ==, "Rob");
  g_assert_true (cb_project_undo (project));
  g_assert_false (cb_project_can_undo (project));
  test_assert_serializes_to (project, original);

  /* Multi-line text coalesces too; numbers, enumerations and removals do not. */
  cb_entity_set_string (course, "description", "a");
  cb_entity_set_string (course, "description", "a\nb");
  cb_entity_set_number (course, "credits", 1);
  cb_entity_set_number (course, "credits", 2);
  g_assert_cmpstr (cb_entity_get_string (course, "status"), ==, "approved");
  cb_entity_set_string (course, "status", "draft");
  cb_entity_set_string (course, "status", "in-review");
  cb_entity_set_string (course, "code", "X");
  cb_entity_set_string (course, "code", NULL);
  g_assert_cmpuint (count_undo_steps (project), ==, 1 + 2 + 2 + 2);
  test_assert_serializes_to (project, original);

  /* A group is sealed: typing after it is a new step. */
  cb_project_begin_group (project, NULL);
  cb_entity_set_string (course, "title", "G");
  cb_project_end_group (project);
  cb_entity_set_string (course, "title", "Gx");
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (course, "title"), ==, "G");
  g_assert_true (cb_project_undo (project));
  test_assert_serializes_to (project, original);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
test_can_undo_notify (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  guint n_undo = 0, n_redo = 0;

  g_signal_connect (project, "notify::can-undo", G_CALLBACK (count_notify), &n_undo);
  g_signal_connect (project, "notify::can-redo", G_CALLBACK (count_notify), &n_redo);
  g_assert_false (cb_project_can_undo (project));
  g_assert_false (cb_project_can_redo (project));

  cb_entity_set_number (course, "credits", 1);
  g_assert_cmpuint (n_undo, ==, 1);
  cb_entity_set_number (course, "credits", 2);
  g_assert_cmpuint (n_undo, ==, 1);
  g_assert_cmpuint (n_redo, ==, 0);

  g_assert_true (cb_project_undo (project));
  g_assert_cmpuint (n_undo, ==, 1);
  g_assert_cmpuint (n_redo, ==, 1);
  g_assert_true (cb_project_can_redo (project));
  g_assert_true (cb_project_undo (project));
  g_assert_cmpuint (n_undo, ==, 2);
  g_assert_cmpuint (n_redo, ==, 1);
  g_assert_false (cb_project_can_undo (project));

  g_assert_true (cb_project_redo (project));
  g_assert_cmpuint (n_undo, ==, 3);
  g_assert_cmpuint (n_redo, ==, 1);

  /* A new edit throws the redo steps away. */
  cb_entity_set_int (course, "semester", 1);
  g_assert_false (cb_project_can_redo (project));
  g_assert_false (cb_project_redo (project));
  g_assert_cmpuint (n_redo, ==, 2);
  g_assert_cmpuint (n_undo, ==, 3);
  g_assert_cmpfloat (cb_entity_get_number (course, "credits"), ==, 1);
}

/* The undo stack keeps a bounded number of steps. */
static void
test_limit (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  guint n;

  for (guint i = 0; i < 1005; i++)
    cb_entity_set_int (course, "semester", 1 + i % 7);
  n = count_undo_steps (project);
  g_assert_cmpuint (n, >=, 100);
  g_assert_cmpuint (n, <=, 1005);
  g_test_message ("%u steps kept", n);

  if (n < 1005)
    {
      /* The oldest steps are gone, so this is not the state of the file. */
      g_assert_cmpint (cb_entity_get_int (course, "semester"), !=, 3);
      if (!cb_project_get_dirty (project))
        g_test_fail_printf ("after undoing all %u kept steps of 1005 the project differs from "
                            "its file, but is not dirty", n);
    }
}

/* Edits of a record while it is out of the project are not recorded. */
static void
test_detached_edits (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  g_autoptr (CbEntity) module = g_object_ref (cb_entity_get_child (course, "modules", 2));

  cb_entity_remove (module);
  cb_entity_set_string (module, "title", "Changed while out");
  cb_entity_set_number (cb_entity_ensure_object (module, "hours"), "theory", 99);
  g_assert_cmpuint (count_undo_steps (project), ==, 1);
  g_assert_true (cb_entity_get_child (course, "modules", 2) == module);
  g_assert_cmpstr (cb_entity_get_string (module, "title"), ==, "Changed while out");
  g_assert_true (cb_entity_get_project (module) == project);
  g_assert_true (cb_entity_get_project (cb_entity_get_object (module, "hours")) == project);

  /* Back in the project, its edits are recorded again. */
  cb_entity_set_string (module, "title", "Edited inside");
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (module, "title"), ==, "Changed while out");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/undo/sequence", test_sequence);
  g_test_add_func ("/core/undo/group", test_group);
  g_test_add_func ("/core/undo/coalescing", test_coalescing);
  g_test_add_func ("/core/undo/can-undo-notify", test_can_undo_notify);
  g_test_add_func ("/core/undo/limit", test_limit);
  g_test_add_func ("/core/undo/detached-edits", test_detached_edits);

  return g_test_run ();
}
