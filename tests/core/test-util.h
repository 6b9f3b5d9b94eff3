/* test-util.h: helpers shared by the core tests
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <glib/gstdio.h>

#include "cb-project-private.h"
#include "cb-problem.h"
#include "cb-synth.h"

/* The bytes of data/examples/@name (found through G_TEST_SRCDIR = tests/). */
G_GNUC_UNUSED static GBytes *
test_load_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

G_GNUC_UNUSED static char *
test_example_text (const char *name)
{
  g_autoptr (GBytes) bytes = test_load_example (name);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

G_GNUC_UNUSED static CbProject *
test_load_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  CbProject *project = cb_project_load_from_data (text, strlen (text), CB_LOAD_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

G_GNUC_UNUSED static CbProject *
test_load_example_project (const char *name)
{
  g_autofree char *text = test_example_text (name);

  return test_load_text (text);
}

/* Compares two texts; on a difference describes the first differing line
 * only, so that a failure never floods the log. Returns NULL when equal. */
G_GNUC_UNUSED static char *
test_describe_difference (const char *actual,
                          gsize       actual_len,
                          const char *expected,
                          gsize       expected_len)
{
  gsize i = 0;
  guint lineno = 1;
  gsize line_start = 0;
  g_autofree char *a = NULL;
  g_autofree char *e = NULL;

  if (actual_len == expected_len && memcmp (actual, expected, actual_len) == 0)
    return NULL;

  while (i < actual_len && i < expected_len && actual[i] == expected[i])
    {
      if (actual[i] == '\n')
        {
          lineno++;
          line_start = i + 1;
        }
      i++;
    }
  a = g_strndup (actual + line_start, MIN (120, actual_len - line_start));
  e = g_strndup (expected + line_start, MIN (120, expected_len - line_start));
  if (strchr (a, '\n'))
    *strchr (a, '\n') = '\0';
  if (strchr (e, '\n'))
    *strchr (e, '\n') = '\0';
  return g_strdup_printf ("texts differ (lengths %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT
                          ") at line %u:\n  actual:   %s\n  expected: %s",
                          actual_len, expected_len, lineno, a, e);
}

G_GNUC_UNUSED static void
test_assert_same_text_impl (const char *file,
                            int         line,
                            const char *actual,
                            gsize       actual_len,
                            const char *expected,
                            gsize       expected_len)
{
  g_autofree char *msg = test_describe_difference (actual, actual_len, expected, expected_len);

  if (msg != NULL)
    g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, msg);
}

#define test_assert_same_text(actual, actual_len, expected, expected_len) \
  test_assert_same_text_impl (__FILE__, __LINE__, (actual), (actual_len), (expected), (expected_len))

/* Serialises @project and compares it with @expected. */
#define test_assert_serializes_to(project, expected)                                   \
  G_STMT_START {                                                                       \
    g_autoptr (GBytes) _ser = cb_project_serialize (project);                          \
    gsize _len;                                                                        \
    const char *_data = g_bytes_get_data (_ser, &_len);                                \
    test_assert_same_text (_data, _len, (expected), strlen (expected));               \
  } G_STMT_END

/* The same, but a difference only marks the test failed (for known core
 * bugs, so that the other cases of the program still run); returns
 * whether the texts were equal. */
G_GNUC_UNUSED static gboolean
test_check_serializes_to_impl (const char *file,
                               int         line,
                               CbProject  *project,
                               const char *expected)
{
  g_autoptr (GBytes) bytes = cb_project_serialize (project);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *msg = test_describe_difference (data, len, expected, strlen (expected));

  if (msg == NULL)
    return TRUE;
  g_test_fail_printf ("%s:%d: %s", file, line, msg);
  return FALSE;
}

#define test_check_serializes_to(project, expected) \
  test_check_serializes_to_impl (__FILE__, __LINE__, (project), (expected))

G_GNUC_UNUSED static char *
test_serialize (CbProject *project)
{
  g_autoptr (GBytes) bytes = cb_project_serialize (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A fresh folder inside the test's isolated directories. */
G_GNUC_UNUSED static char *
test_make_dir (const char *name)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

G_GNUC_UNUSED static void
test_write_file (const char *path,
                 const char *data,
                 gssize      len)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

G_GNUC_UNUSED static char *
test_read_file (const char *path,
                gsize      *len)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

/* Replaces the first occurrence of @needle, which must occur. */
G_GNUC_UNUSED static char *
test_replace (const char *text,
              const char *needle,
              const char *replacement)
{
  const char *at = strstr (text, needle);
  GString *out;

  if (at == NULL)
    g_error ("“%s” not found in the text", needle);
  out = g_string_new_len (text, at - text);
  g_string_append (out, replacement);
  g_string_append (out, at + strlen (needle));
  return g_string_free (out, FALSE);
}

/* Number of files in @dir whose names start with @prefix. */
G_GNUC_UNUSED static guint
test_count_prefixed (const char *dir,
                     const char *prefix)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* Drops the last reference to @object and checks that it is finalized.
 * Unlike g_assert_finalize_object() a failure does not stop the other
 * tests of the program. */
G_GNUC_UNUSED static void
test_assert_finalized_impl (const char *file,
                            int         line,
                            gpointer    object)
{
  gpointer weak = object;
  const char *type = G_OBJECT_TYPE_NAME (object);

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  if (weak != NULL)
    {
      g_object_remove_weak_pointer (weak, &weak);
      g_test_message ("%s:%d: the %s was not finalized (%u references left)",
                      file, line, type, G_OBJECT (weak)->ref_count);
      g_test_fail_printf ("%s:%d: the %s was not finalized (%u references left)",
                          file, line, type, G_OBJECT (weak)->ref_count);
    }
}

#define test_assert_finalized(object) test_assert_finalized_impl (__FILE__, __LINE__, (object))

G_GNUC_UNUSED static CbEntity *
test_course (CbProject *project,
             guint      index)
{
  CbEntity *course = cb_entity_get_child (CB_ENTITY (project), "courses", index);

  g_assert_nonnull (course);
  return course;
}
