/* test-project.c: round trips, unknown members, wrong types and versions
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-project"

#include <fcntl.h>
#include <sys/stat.h>

#include "test-util.h"

/* Round trips */

static void
test_round_trip_examples (void)
{
  const char *names[] = { "robotics-en.coursebridge", "robotics-zh.coursebridge" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = test_example_text (names[i]);
      CbProject *project = test_load_text (text);

      g_assert_false (cb_project_get_dirty (project));
      g_assert_false (cb_project_get_read_only (project));
      g_assert_cmpint (cb_project_get_file_version (project), ==, 1);
      g_assert_null (cb_project_get_file (project));
      test_assert_serializes_to (project, text);
      test_assert_finalized (project);
    }
}

static void
test_round_trip_synthetic (void)
{
  const CbSynthSize sizes[] = {
    { 3, 4, 6, 3, 2, 2, 7 },
    { 2, 1, 1, 2, 0, 1, 99 },  /* outcomes without indicators */
    { 0, 0, 1, 1, 1, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      CbProject *synth = cb_synth_project (&sizes[i]);
      g_autofree char *first = test_serialize (synth);
      CbProject *loaded = test_load_text (first);
      g_autoptr (GListStore) problems = cb_validate (synth);

      /* The synthetic project is valid; loaded, it writes the same bytes. */
      g_assert_cmpuint (cb_problems_count (G_LIST_MODEL (problems), CB_SEVERITY_ERROR), ==, 0);
      test_assert_serializes_to (loaded, first);
      g_assert_cmpuint (cb_entity_get_n_children (CB_ENTITY (loaded), "courses"), ==, sizes[i].n_courses);
      test_assert_finalized (loaded);
      test_assert_finalized (synth);
    }
}

static void
test_round_trip_new (void)
{
  CbProject *project = cb_project_new ();
  g_autofree char *text = test_serialize (project);
  CbProject *loaded = test_load_text (text);

  g_assert_false (cb_project_get_dirty (project));
  g_assert_false (cb_project_can_undo (project));
  g_assert_nonnull (g_uuid_string_is_valid (cb_entity_get_id (CB_ENTITY (project))) ? "ok" : NULL);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"coursebridge-project\",\n  \"format_version\": 1,\n  \"id\": \""));
  g_assert_true (g_str_has_suffix (text, "\"\n}\n"));
  test_assert_serializes_to (loaded, text);
  test_assert_finalized (loaded);
  test_assert_finalized (project);
}

/* Unknown members */

/* The text of `"NAME": {"a": [1, 2.50, "z"]}` as the writer lays it out at
 * an indentation of @indent spaces. */
static char *
custom_member (const char *name,
               guint       indent)
{
  g_autofree char *pad = g_strnfill (indent, ' ');

  return g_strdup_printf ("%s\"%s\": {\n%s  \"a\": [\n%s    1,\n%s    2.50,\n%s    \"z\"\n%s  ]\n%s}",
                          pad, name, pad, pad, pad, pad, pad, pad);
}

static const char *
find_after (const char *text,
            const char *from,
            const char *needle)
{
  const char *start = from ? strstr (text, from) : text;
  const char *at;

  g_assert_nonnull (start);
  at = strstr (start, needle);
  if (at == NULL)
    g_error ("“%s” not found after “%s”", needle, from);
  return at;
}

/* Inserts an unknown member @name after the line that holds @needle (the
 * first after @from): as the next member when the line is a member, as the
 * first member when the line opens an object. */
static char *
insert_unknown (const char *text,
                const char *from,
                const char *needle,
                const char *name)
{
  const char *at = find_after (text, from, needle);
  const char *line_start = at;
  const char *line_end = strchr (at, '\n');
  guint indent = 0;
  GString *out = g_string_new (NULL);
  g_autofree char *member = NULL;

  while (line_start > text && line_start[-1] != '\n')
    line_start--;
  while (line_start[indent] == ' ')
    indent++;

  if (line_end[-1] == '{')
    {
      member = custom_member (name, indent + 2);
      g_string_append_len (out, text, line_end + 1 - text);
      g_string_append_printf (out, "%s,\n", member);
    }
  else if (line_end[-1] == ',')
    {
      member = custom_member (name, indent);
      g_string_append_len (out, text, line_end + 1 - text);
      g_string_append_printf (out, "%s,\n", member);
    }
  else
    {
      /* The last member: it gets a comma, the new one ends the object. */
      member = custom_member (name, indent);
      g_string_append_len (out, text, line_end - text);
      g_string_append_printf (out, ",\n%s\n", member);
    }
  g_string_append (out, line_end + 1);
  return g_string_free (out, FALSE);
}

static char *
replace_after (const char *text,
               const char *from,
               const char *needle,
               const char *replacement)
{
  const char *at = find_after (text, from, needle);
  GString *out = g_string_new_len (text, at - text);

  g_string_append (out, replacement);
  g_string_append (out, at + strlen (needle));
  return g_string_free (out, FALSE);
}

#define MODULE_1 "\"id\": \"4b1162d5-7f7b-461d-978e-6d1d51b10f66\""
#define OBJECTIVE_0 "\"id\": \"062e5128-1ea8-424b-8e18-3f9406524364\""
#define COURSE_0 "\"id\": \"5c958415-1a31-46ae-8ff8-0b025a2fd881\""
#define REPLY_0 "\"id\": \"8b07ca6e-511a-4353-8391-77bf66d2eecd\""
#define ROOT_TITLE "\"title\": \"Industrial Robotics Engineering Technology, 2027 curriculum\""

static void
assert_unknown (CbEntity   *entity,
                const char *name)
{
  g_autofree char *json = cb_entity_dup_unknown_json (entity, name);

  g_assert_cmpuint (cb_entity_get_n_unknown (entity), ==, 1);
  g_assert_cmpstr (cb_entity_get_unknown_name (entity, 0), ==, name);
  g_assert_cmpstr (json, ==, "{\n  \"a\": [\n    1,\n    2.50,\n    \"z\"\n  ]\n}");
}

static void
test_unknown_members (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *t1 = insert_unknown (original, NULL, ROOT_TITLE, "x_root");
  g_autofree char *t2 = insert_unknown (t1, MODULE_1, "\"title\":", "x_module");
  g_autofree char *t3 = insert_unknown (t2, MODULE_1, "\"skill\":", "x_mapping");
  g_autofree char *t4 = insert_unknown (t3, OBJECTIVE_0, "\"indicator\":", "x_support");
  g_autofree char *t5 = insert_unknown (t4, MODULE_1, "\"theory\":", "x_hours");
  g_autofree char *t6 = insert_unknown (t5, COURSE_0, "\"hours\": {", "x_first");
  g_autofree char *t7 = insert_unknown (t6, NULL, "\"department\":", "x_last");
  g_autofree char *input = insert_unknown (t7, REPLY_0, "\"text\":", "x_reply");
  g_autoptr (CbProject) project = test_load_text (input);
  CbEntity *root = CB_ENTITY (project);
  CbEntity *course = test_course (project, 0);
  CbEntity *module = cb_entity_get_child (course, "modules", 1);
  CbEntity *mapping = cb_entity_get_child (module, "skills", 0);
  CbEntity *support = cb_entity_get_child (cb_entity_get_child (course, "objectives", 0), "supports", 0);
  CbEntity *reply = cb_project_lookup (project, "8b07ca6e-511a-4353-8391-77bf66d2eecd");
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *e4 = NULL, *expected = NULL;
  g_autofree char *dir = test_make_dir ("unknown");
  g_autofree char *path = g_build_filename (dir, "unknown.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  /* Unchanged, the file is written back as it was. */
  test_assert_serializes_to (project, input);

  assert_unknown (root, "x_root");
  assert_unknown (module, "x_module");
  assert_unknown (mapping, "x_mapping");
  assert_unknown (support, "x_support");
  assert_unknown (cb_entity_get_object (module, "hours"), "x_hours");
  assert_unknown (cb_entity_get_object (course, "hours"), "x_first");
  assert_unknown (cb_entity_get_object (root, "institution"), "x_last");
  assert_unknown (reply, "x_reply");
  g_assert_cmpuint (cb_entity_get_n_unknown (course), ==, 0);

  /* Edits, some of them of the very member an unknown one follows. */
  cb_entity_set_string (root, "title", "Edited title");
  cb_entity_set_string (module, "title", "Edited module");
  cb_entity_set_string (support, "strength", "L");
  cb_entity_set_number (cb_entity_get_object (module, "hours"), "theory", 7);
  cb_entity_set_string (reply, "text", "Edited reply");

  e1 = test_replace (input, ROOT_TITLE, "\"title\": \"Edited title\"");
  e2 = replace_after (e1, MODULE_1, "\"title\": \"Coordinate frames, jogging and calibration of tools and work objects\"",
                      "\"title\": \"Edited module\"");
  e3 = replace_after (e2, OBJECTIVE_0, "\"strength\": \"H\"", "\"strength\": \"L\"");
  e4 = replace_after (e3, MODULE_1, "\"theory\": 6,", "\"theory\": 7,");
  expected = replace_after (e4, REPLY_0, "\"text\": \"Done: the specification now uses the interlocked pattern, and layer 3 is rotated as in the project file.\"",
                            "\"text\": \"Edited reply\"");
  test_assert_serializes_to (project, expected);
  {
    g_autofree char *text = test_serialize (project);
    g_autofree char *member = custom_member ("x_root", 2);
    g_autofree char *after_title = g_strdup_printf ("  \"title\": \"Edited title\",\n%s,\n", member);

    g_assert_nonnull (strstr (text, after_title));
  }

  /* Through a file and back. */
  g_assert_true (cb_project_save_to_file (project, file, CB_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (CbProject) again = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);
    g_autofree char *saved = test_serialize (project);
    g_autofree char *on_disk = NULL;
    gsize len;

    g_assert_no_error (error);
    on_disk = test_read_file (path, &len);
    test_assert_same_text (on_disk, len, saved, strlen (saved));
    test_assert_serializes_to (again, saved);
    assert_unknown (cb_entity_get_child (test_course (again, 0), "modules", 1), "x_module");
  }

  /* Undone, everything is back as it was read. */
  while (cb_project_undo (project))
    ;
  {
    g_autofree char *text = test_serialize (project);
    /* Only "modified", which the save stamped, differs. */
    g_autofree char *stamped = g_strdup_printf ("\"modified\": \"%s\"", cb_entity_get_string (root, "modified"));
    g_autofree char *restored = test_replace (input, "\"modified\": \"2027-01-16T16:30:00Z\"", stamped);

    test_assert_same_text (text, strlen (text), restored, strlen (restored));
  }
}

static void
test_unknown_survive_remove_and_duplicate (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *input = insert_unknown (original, MODULE_1, "\"title\":", "x_module");
  g_autoptr (CbProject) project = test_load_text (input);
  CbEntity *course = test_course (project, 0);
  g_autoptr (CbEntity) module = g_object_ref (cb_entity_get_child (course, "modules", 1));
  g_autoptr (CbEntity) copy = cb_entity_duplicate (module);

  assert_unknown (copy, "x_module");
  cb_entity_remove (module);
  g_assert_null (cb_project_lookup (project, cb_entity_get_id (module)));
  assert_unknown (module, "x_module");
  g_assert_true (cb_project_undo (project));
  test_assert_serializes_to (project, input);

  cb_entity_insert_child (course, "modules", 2, copy);
  {
    g_autofree char *text = test_serialize (project);
    const char *first = strstr (text, "\"x_module\"");

    g_assert_nonnull (first);
    g_assert_nonnull (strstr (first + 1, "\"x_module\""));
  }
}

/* A known member with the wrong type is kept as written. */
static void
test_wrong_type (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *input = replace_after (original, COURSE_0, "\"credits\": 4,", "\"credits\": \"three\",");
  g_autofree char *with_three = NULL;
  g_autoptr (CbProject) project = test_load_text (input);
  CbEntity *course = test_course (project, 0);
  g_autoptr (GListStore) problems = NULL;
  g_autofree char *json = NULL;
  guint n_wrong = 0;

  test_assert_serializes_to (project, input);
  g_assert_false (cb_entity_has_field (course, "credits"));
  g_assert_cmpfloat (cb_entity_get_number (course, "credits"), ==, 0);
  json = cb_entity_dup_unknown_json (course, "credits");
  g_assert_cmpstr (json, ==, "\"three\"");

  problems = cb_validate (project);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      g_autoptr (CbProblem) problem = g_list_model_get_item (G_LIST_MODEL (problems), i);

      if (g_strcmp0 (cb_problem_get_code (problem), "wrong-type") != 0)
        continue;
      n_wrong++;
      g_assert_cmpstr (cb_problem_get_path (problem), ==, "courses[0].credits");
      g_assert_cmpint (cb_problem_get_severity (problem), ==, CB_SEVERITY_ERROR);
      g_assert_true (cb_problem_get_entity (problem) == course);
      g_assert_cmpstr (cb_problem_get_field (problem), ==, "credits");
      g_assert_nonnull (strstr (cb_problem_get_message (problem), "credits"));
    }
  g_assert_cmpuint (n_wrong, ==, 1);
  g_assert_cmpuint (cb_problems_count (G_LIST_MODEL (problems), CB_SEVERITY_ERROR), ==, 1);

  /* Setting the member replaces the wrong value, in place. */
  cb_entity_set_number (course, "credits", 3);
  g_assert_cmpuint (cb_entity_get_n_unknown (course), ==, 0);
  {
    g_autofree char *with_3 = replace_after (original, COURSE_0, "\"credits\": 4,", "\"credits\": 3,");

    test_assert_serializes_to (project, with_3);
  }
  g_clear_object (&problems);
  problems = cb_validate (project);
  g_assert_cmpuint (cb_problems_count (G_LIST_MODEL (problems), CB_SEVERITY_ERROR), ==, 0);

  /* Undo brings the written value back, redo replaces it again. */
  g_assert_true (cb_project_undo (project));
  test_assert_serializes_to (project, input);
  g_assert_false (cb_entity_has_field (course, "credits"));
  g_assert_true (cb_project_redo (project));
  with_three = test_serialize (project);
  g_assert_nonnull (strstr (with_three, "\"credits\": 3,"));
  g_assert_null (strstr (with_three, "\"three\""));
  g_assert_true (cb_project_undo (project));
  test_assert_serializes_to (project, input);

  /* Setting the same value it would have had is still a change. */
  cb_entity_set_number (course, "credits", 0);
  g_assert_true (cb_project_can_undo (project));
  g_assert_null (cb_entity_dup_unknown_json (course, "credits"));
}

/* Undo puts a wrongly typed member back exactly where it was, also among
 * unknown members that follow the same known one. */
static void
test_wrong_type_undo_order (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *input = replace_after (original, COURSE_0, "\"credits\": 4,",
                                          "\"credits\": \"three\",\n      \"x_after\": true,");
  g_autoptr (CbProject) project = test_load_text (input);
  CbEntity *course = test_course (project, 0);

  test_assert_serializes_to (project, input);
  g_assert_cmpuint (cb_entity_get_n_unknown (course), ==, 2);
  cb_entity_set_number (course, "credits", 3);
  g_assert_true (cb_project_undo (project));
  if (!test_check_serializes_to (project, input))
    return;
  g_assert_true (cb_project_redo (project));
  g_assert_true (cb_project_undo (project));
  test_assert_serializes_to (project, input);
}

/* Removing a member that holds a wrongly typed value removes that value. */
static void
test_wrong_type_unset (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *input = replace_after (original, COURSE_0, "\"credits\": 4,", "\"credits\": \"three\",");
  g_autofree char *without = replace_after (original, COURSE_0, "\"credits\": 4,\n      ", "");
  g_autoptr (CbProject) project = test_load_text (input);
  CbEntity *course = test_course (project, 0);
  g_autofree char *json = NULL;

  cb_entity_unset (course, "credits");
  json = cb_entity_dup_unknown_json (course, "credits");
  if (json != NULL)
    g_test_fail_printf ("cb_entity_unset (\"credits\") kept the wrongly typed value %s", json);
  else
    {
      test_assert_serializes_to (project, without);
      g_assert_true (cb_project_undo (project));
      test_assert_serializes_to (project, input);
    }
}

/* A list that turns out not to be a list of records only after some
 * records is kept as written too: member order and number text included. */
static void
test_wrong_typed_list_kept (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *t1 = replace_after (original, COURSE_0,
    "\"team\": [\n"
    "        {\n"
    "          \"person\": \"1e216d04-6192-4f81-ae43-b751d7e3c01b\",\n"
    "          \"role\": \"lead\"\n"
    "        },\n",
    "\"team\": [\n"
    "        {\n"
    "          \"role\": \"lead\",\n"
    "          \"person\": \"1e216d04-6192-4f81-ae43-b751d7e3c01b\"\n"
    "        },\n"
    "        7,\n");
  g_autofree char *t2 = replace_after (t1, COURSE_0, "\"max_score\": 100,", "\"max_score\": 100.0,");
  g_autofree char *input = replace_after (t2, COURSE_0, "\n      ],\n      \"textbooks\": [",
                                          ",\n        false\n      ],\n      \"textbooks\": [");
  g_autoptr (CbProject) project = test_load_text (input);
  CbEntity *course = test_course (project, 0);

  g_assert_cmpuint (cb_entity_get_n_children (course, "team"), ==, 0);
  g_assert_cmpuint (cb_entity_get_n_children (course, "offerings"), ==, 0);
  g_assert_cmpuint (cb_entity_get_n_unknown (course), ==, 2);
  test_check_serializes_to (project, input);
}

/* Versions */

typedef struct
{
  char *path;
  char *data;
  gsize length;
  struct stat st;
} FileSnapshot;

/* Writes @data to @path with an old modification time and remembers it. */
static void
snapshot_write (FileSnapshot *snap,
                const char   *path,
                const char   *data)
{
  struct timespec times[2] = { { 1577880000, 123456789 }, { 1577880000, 123456789 } };

  snap->path = g_strdup (path);
  snap->data = g_strdup (data);
  snap->length = strlen (data);
  test_write_file (path, data, -1);
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (g_stat (path, &snap->st), ==, 0);
}

static void
snapshot_assert_untouched (FileSnapshot *snap)
{
  struct stat st;
  g_autofree char *dir = g_path_get_dirname (snap->path);
  g_autofree char *base = g_path_get_basename (snap->path);
  g_autofree char *temp_prefix = g_strconcat (".", base, ".cbsave-", NULL);
  g_autofree char *data = NULL;
  gsize length;

  data = test_read_file (snap->path, &length);
  test_assert_same_text (data, length, snap->data, snap->length);
  g_assert_cmpint (g_stat (snap->path, &st), ==, 0);
  g_assert_cmpint (st.st_ino, ==, snap->st.st_ino);
  g_assert_cmpint (st.st_mtim.tv_sec, ==, snap->st.st_mtim.tv_sec);
  g_assert_cmpint (st.st_mtim.tv_nsec, ==, snap->st.st_mtim.tv_nsec);
  g_assert_cmpuint (test_count_prefixed (dir, temp_prefix), ==, 0);
}

static void
snapshot_clear (FileSnapshot *snap)
{
  g_free (snap->path);
  g_free (snap->data);
}

static char *
with_version (const char *text,
              const char *version)
{
  g_autofree char *line = g_strdup_printf ("\"format_version\": %s,", version);

  return test_replace (text, "\"format_version\": 1,", line);
}

static void
test_version_newer_refused (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *newer = with_version (original, "2");
  g_autofree char *dir = test_make_dir ("newer");
  g_autofree char *path = g_build_filename (dir, "newer.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) project = NULL;
  FileSnapshot snap = { 0 };

  snapshot_write (&snap, path, newer);
  project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));
  snapshot_assert_untouched (&snap);
  g_clear_error (&error);

  project = cb_project_load_from_data (newer, strlen (newer), CB_LOAD_NONE, &error);
  g_assert_null (project);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION);
  snapshot_clear (&snap);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (cb_project_save_to_file_finish (CB_PROJECT (source), result, error));
  g_assert_nonnull (*error);
}

static GError *
save_async_and_wait (CbProject   *project,
                     GFile       *file,
                     CbSaveFlags  flags)
{
  GError *error = NULL;

  cb_project_save_to_file_async (project, file, flags, NULL, save_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  return error;
}

static void
test_version_newer_read_only (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *newer = with_version (original, "2");
  g_autofree char *dir = test_make_dir ("newer-ro");
  g_autofree char *path = g_build_filename (dir, "newer.coursebridge", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) other = g_file_new_for_path (other_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) project = NULL;
  FileSnapshot snap = { 0 };

  snapshot_write (&snap, path, newer);
  project = cb_project_load_from_file (file, CB_LOAD_ALLOW_NEWER, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (cb_project_get_read_only (project));
  g_assert_cmpint (cb_project_get_file_version (project), ==, 2);
  test_assert_serializes_to (project, newer);

  g_assert_false (cb_project_save (project, NULL, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Not even after an edit, with "keep mine", or under another name. */
  cb_entity_set_string (CB_ENTITY (project), "title", "Edited");
  g_assert_false (cb_project_save_to_file (project, file, CB_SAVE_OVERWRITE_CHANGED, NULL, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cb_project_save_to_file (project, other, CB_SAVE_NONE, NULL, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (g_file_test (other_path, G_FILE_TEST_EXISTS));

  error = save_async_and_wait (project, file, CB_SAVE_OVERWRITE_CHANGED);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_READ_ONLY);
  g_assert_true (cb_project_get_dirty (project));
  snapshot_assert_untouched (&snap);
  snapshot_clear (&snap);
}

static void
test_version_never_overwrite_newer (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *zh = test_example_text ("robotics-zh.coursebridge");
  g_autofree char *newer = with_version (zh, "7");
  g_autofree char *dir = test_make_dir ("never");
  g_autofree char *path = g_build_filename (dir, "target.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) project = test_load_text (original);
  g_autoptr (CbProject) own = NULL;
  FileSnapshot snap = { 0 };

  /* A project from elsewhere, saved over a newer file. */
  snapshot_write (&snap, path, newer);
  for (CbSaveFlags flags = CB_SAVE_NONE; flags <= CB_SAVE_OVERWRITE_CHANGED; flags++)
    {
      g_assert_false (cb_project_save_to_file (project, file, flags, NULL, &error));
      g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION);
      g_clear_error (&error);
      error = save_async_and_wait (project, file, flags);
      g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION);
      g_clear_error (&error);
      snapshot_assert_untouched (&snap);
    }
  g_assert_null (cb_project_get_file (project));
  snapshot_clear (&snap);

  /* The project's own file, replaced by a newer version meanwhile. */
  test_write_file (path, original, -1);
  own = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  cb_entity_set_string (CB_ENTITY (own), "title", "Mine");
  snapshot_write (&snap, path, newer);
  g_assert_false (cb_project_save (own, NULL, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_false (cb_project_save_to_file (own, file, CB_SAVE_OVERWRITE_CHANGED, NULL, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION);
  g_assert_true (cb_project_get_dirty (own));
  snapshot_assert_untouched (&snap);
  snapshot_clear (&snap);
}

static void
assert_load_error (const char *text,
                   int         code,
                   const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) project = cb_project_load_from_data (text, strlen (text), CB_LOAD_ALLOW_NEWER, &error);

  g_assert_null (project);
  g_assert_error (error, CB_PROJECT_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  if (path != NULL)
    g_assert_cmpstr (cb_project_error_get_path (error), ==, path);
}

static void
test_version_not_a_project (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *wrong_format = test_replace (original, "\"format\": \"coursebridge-project\"",
                                                "\"format\": \"coursebridge-projekt\"");
  g_autofree char *no_format = test_replace (original, "\"format\": \"coursebridge-project\",\n  ", "");
  g_autofree char *format_number = test_replace (original, "\"format\": \"coursebridge-project\"",
                                                 "\"format\": 1");
  g_autofree char *string_version = with_version (original, "\"1\"");
  g_autofree char *fraction_version = with_version (original, "1.5");
  g_autofree char *no_version = test_replace (original, "\"format_version\": 1,\n  ", "");

  assert_load_error (wrong_format, CB_PROJECT_ERROR_NOT_A_PROJECT, "format");
  assert_load_error (no_format, CB_PROJECT_ERROR_NOT_A_PROJECT, "format");
  assert_load_error (format_number, CB_PROJECT_ERROR_NOT_A_PROJECT, "format");
  assert_load_error (string_version, CB_PROJECT_ERROR_NOT_A_PROJECT, "format_version");
  assert_load_error (fraction_version, CB_PROJECT_ERROR_NOT_A_PROJECT, "format_version");
  assert_load_error (no_version, CB_PROJECT_ERROR_NOT_A_PROJECT, "format_version");
  assert_load_error ("[]", CB_PROJECT_ERROR_NOT_A_PROJECT, NULL);
  assert_load_error ("\"coursebridge-project\"", CB_PROJECT_ERROR_NOT_A_PROJECT, NULL);
  assert_load_error ("{}", CB_PROJECT_ERROR_NOT_A_PROJECT, NULL);
  assert_load_error ("{\"format\": \"coursebridge-project\", \"format_version\": 1, \"format\": 2}",
                     CB_PROJECT_ERROR_INVALID_JSON, NULL);
}

static void
test_version_old (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  const char *versions[] = { "0", "-1", "-9007199254740991" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *old = with_version (original, versions[i]);

      assert_load_error (old, CB_PROJECT_ERROR_OLD_VERSION, NULL);
    }

  /* 1.0 is the whole number 1. */
  {
    g_autofree char *one = with_version (original, "1.0");
    g_autoptr (CbProject) project = test_load_text (one);

    g_assert_cmpint (cb_project_get_file_version (project), ==, 1);
    g_assert_false (cb_project_get_read_only (project));
  }
}

/* A syntax error deep in the file says where it is in the project too. */
static void
test_error_path (void)
{
  g_autofree char *text = test_example_text ("robotics-en.coursebridge");
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) project = NULL;
  g_autoptr (CbProject) example = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = cb_entity_get_child (CB_ENTITY (example), "courses", 1);
  CbEntity *module = cb_entity_get_child (course, "modules", 2);
  const char *title = cb_entity_get_string (module, "title");
  g_autofree char *needle = g_strdup_printf ("\"title\": \"%s\"", title);
  char *at = strstr (text, needle);

  /* Break the value of that module's title: a missing closing quote. */
  g_assert_nonnull (at);
  at[strlen (needle) - 1] = '\'';
  project = cb_project_load_from_data (text, strlen (text), CB_LOAD_NONE, &error);
  g_assert_null (project);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
  g_assert_cmpuint (cb_project_error_get_line (error), >, 1);
  g_assert_cmpstr (cb_project_error_get_path (error), ==, "courses[1].modules[2].title");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/project/round-trip/examples", test_round_trip_examples);
  g_test_add_func ("/core/project/error-path", test_error_path);
  g_test_add_func ("/core/project/round-trip/synthetic", test_round_trip_synthetic);
  g_test_add_func ("/core/project/round-trip/new", test_round_trip_new);
  g_test_add_func ("/core/project/unknown-members", test_unknown_members);
  g_test_add_func ("/core/project/unknown-members/remove-duplicate", test_unknown_survive_remove_and_duplicate);
  g_test_add_func ("/core/project/wrong-type", test_wrong_type);
  g_test_add_func ("/core/project/wrong-type/undo-order", test_wrong_type_undo_order);
  g_test_add_func ("/core/project/wrong-type/unset", test_wrong_type_unset);
  g_test_add_func ("/core/project/wrong-type/list-kept", test_wrong_typed_list_kept);
  g_test_add_func ("/core/project/version/newer-refused", test_version_newer_refused);
  g_test_add_func ("/core/project/version/newer-read-only", test_version_newer_read_only);
  g_test_add_func ("/core/project/version/never-overwrite-newer", test_version_never_overwrite_newer);
  g_test_add_func ("/core/project/version/not-a-project", test_version_not_a_project);
  g_test_add_func ("/core/project/version/old", test_version_old);

  return g_test_run ();
}
