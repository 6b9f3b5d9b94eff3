/* test-search.c: finding records by what they say
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "coursebridge-core.h"

static CbProject *
load_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CbProject *project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static gboolean
contains_kind (GPtrArray *results,
               CbKind     kind,
               const char *title)
{
  for (guint i = 0; i < results->len; i++)
    {
      CbEntity *entity = g_ptr_array_index (results, i);

      if (cb_entity_get_kind (entity) == kind &&
          g_strcmp0 (cb_entity_get_display_name (entity), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_search_words (void)
{
  g_autoptr (CbProject) project = load_example ("robotics-en.coursebridge");
  g_autoptr (GPtrArray) vision = cb_project_search (project, "machine VISION", 100);
  g_autoptr (GPtrArray) none = cb_project_search (project, "vision zebra", 100);
  g_autoptr (GPtrArray) empty = cb_project_search (project, "   ", 100);
  g_autoptr (GPtrArray) limited = cb_project_search (project, "robot", 2);

  /* All words, any case, in any text of the record. */
  g_assert_true (contains_kind (vision, CB_KIND_COURSE, "Machine Vision"));
  for (guint i = 0; i < vision->len; i++)
    g_assert_true (cb_kind_has_id (cb_entity_get_kind (g_ptr_array_index (vision, i))));
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (limited->len, ==, 2);
}

static void
test_search_codes_and_chinese (void)
{
  g_autoptr (CbProject) project = load_example ("robotics-zh.coursebridge");
  g_autoptr (GPtrArray) by_code = cb_project_search (project, "gyj2203", 100);
  g_autoptr (GPtrArray) by_text = cb_project_search (project, "机器视觉", 100);

  g_assert_cmpuint (by_code->len, >=, 1);
  g_assert_cmpint (cb_entity_get_kind (g_ptr_array_index (by_code, 0)), ==, CB_KIND_COURSE);
  g_assert_true (contains_kind (by_text, CB_KIND_COURSE, "机器视觉技术"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/search/words", test_search_words);
  g_test_add_func ("/core/search/codes-and-chinese", test_search_codes_and_chinese);

  return g_test_run ();
}
