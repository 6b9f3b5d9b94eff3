/* test-document.c: an open project: loading, saving, drafts, watching, validation
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is asynchronous: the tests run the main context until a
 * condition holds, under a generous guard that fails the test rather than
 * hang it. Nothing asserts how long anything took.
 */

#define G_LOG_DOMAIN "test-document"

#include <json-glib/json-glib.h>

#include "test-util.h"
#include "cb-document.h"

#define EXAMPLE "robotics-en.coursebridge"
#define EXAMPLE_TITLE "Industrial Robotics Engineering Technology, 2027 curriculum"
#define WAIT_SECONDS 20

/* Waiting */

static gboolean
on_wait_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_tick (gpointer user_data)
{
  /* Wakes the loop, so that conditions on the file system are seen. */
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until @expr holds; fails the test after WAIT_SECONDS. */
#define WAIT_FOR(expr)                                                                  \
  G_STMT_START {                                                                        \
    gboolean _timed_out = FALSE;                                                        \
    guint _guard = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout, &_timed_out);  \
    guint _tick = g_timeout_add (10, on_wait_tick, NULL);                               \
    while (!(expr) && !_timed_out)                                                      \
      g_main_context_iteration (NULL, TRUE);                                            \
    if (!_timed_out)                                                                    \
      g_source_remove (_guard);                                                         \
    g_source_remove (_tick);                                                            \
    if (!(expr))                                                                        \
      g_assertion_message_expr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,            \
                                "timed out waiting for " #expr);                        \
  } G_STMT_END

/* Lets pending events run for a while (to show that something does NOT
 * happen; a slow machine can only make such a check pass, never fail). */
static void
run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_wait_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Asynchronous calls */

static void
on_ready (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
load_document (CbDocument  *document,
               GError     **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cb_document_load_async (document, NULL, on_ready, &result);
  WAIT_FOR (result != NULL);
  return cb_document_load_finish (document, result, error);
}

static gboolean
reload_document (CbDocument  *document,
                 GError     **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cb_document_reload_async (document, NULL, on_ready, &result);
  WAIT_FOR (result != NULL);
  return cb_document_reload_finish (document, result, error);
}

static gboolean
save_document (CbDocument   *document,
               GFile        *file,
               CbSaveFlags   flags,
               GError      **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cb_document_save_async (document, file, flags, NULL, on_ready, &result);
  g_assert_true (cb_document_get_saving (document));
  WAIT_FOR (result != NULL);
  g_assert_false (cb_document_get_saving (document));
  return cb_document_save_finish (document, result, error);
}

/* Files */

/* A copy of the example in a fresh folder; returns its path. */
static char *
copy_example (const char *text)
{
  g_autofree char *dir = test_make_dir ("projects");
  char *path = g_build_filename (dir, "robotics.coursebridge", NULL);
  g_autofree char *example = NULL;

  if (text == NULL)
    text = example = test_example_text (EXAMPLE);
  test_write_file (path, text, -1);
  return path;
}

static CbDocument *
open_document (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CbDocument *document = cb_document_new_for_file (file);

  g_assert_true (load_document (document, &error));
  g_assert_no_error (error);
  /* Short delays keep the tests quick; nothing depends on their length. */
  cb_document_set_validation_delay (document, 10);
  cb_document_set_autosave_delay (document, 20);
  return document;
}

/* Replaces @path the way most editors save: a temporary file renamed over it. */
static void
replace_like_an_editor (const char *path,
                        const char *text)
{
  g_autofree char *temp = g_strconcat (path, ".editor-tmp", NULL);

  test_write_file (temp, text, -1);
  g_assert_cmpint (g_rename (temp, path), ==, 0);
}

static char *
sha256_of_file (const char *path)
{
  gsize length;
  g_autofree char *data = test_read_file (path, &length);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "coursebridge", "drafts", NULL);
}

static guint
count_drafts_with_suffix (const char *suffix)
{
  g_autofree char *dir = drafts_dir ();
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (handle == NULL)
    return 0;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

/* Whether a draft and its description are both there (the description is
 * written last). */
static gboolean
draft_written (void)
{
  return count_drafts_with_suffix (".json") == 1 && count_drafts_with_suffix (".coursebridge") == 1;
}

static gboolean
no_draft (void)
{
  return count_drafts_with_suffix (".json") == 0 && count_drafts_with_suffix (".coursebridge") == 0;
}

/* The path of the one draft's file ending in @suffix. */
static char *
only_draft_path (const char *suffix)
{
  g_autofree char *dir = drafts_dir ();
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, suffix))
      return g_build_filename (dir, name, NULL);
  g_assert_not_reached ();
}

/* The first module skill of the project (a record with a "skill" reference). */
static CbEntity *
first_module_skill (CbProject *project)
{
  guint n_courses = cb_entity_get_n_children (CB_ENTITY (project), "courses");

  for (guint c = 0; c < n_courses; c++)
    {
      CbEntity *course = cb_entity_get_child (CB_ENTITY (project), "courses", c);
      guint n_modules = cb_entity_get_n_children (course, "modules");

      for (guint m = 0; m < n_modules; m++)
        {
          CbEntity *module = cb_entity_get_child (course, "modules", m);

          if (cb_entity_get_n_children (module, "skills") > 0)
            return cb_entity_get_child (module, "skills", 0);
        }
    }
  g_assert_not_reached ();
}

/* Notification counting */

typedef struct
{
  guint dirty;
  guint title;
  guint project;
  guint file;
  guint file_state;
  guint loading;
  guint n_errors;
  guint externally_changed;
  guint problems_changed;
} Counts;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  Counts *counts = user_data;
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "dirty"))
    counts->dirty++;
  else if (g_str_equal (name, "title"))
    counts->title++;
  else if (g_str_equal (name, "project"))
    counts->project++;
  else if (g_str_equal (name, "file"))
    counts->file++;
  else if (g_str_equal (name, "file-state"))
    counts->file_state++;
  else if (g_str_equal (name, "loading"))
    counts->loading++;
  else if (g_str_equal (name, "n-errors"))
    counts->n_errors++;
}

static void
on_externally_changed (CbDocument *document,
                       gpointer    user_data)
{
  ((Counts *) user_data)->externally_changed++;
}

static void
on_problems_changed (CbDocument *document,
                     gpointer    user_data)
{
  ((Counts *) user_data)->problems_changed++;
}

static void
count_signals (CbDocument *document,
               Counts     *counts)
{
  g_signal_connect (document, "notify", G_CALLBACK (on_notify), counts);
  g_signal_connect (document, "externally-changed", G_CALLBACK (on_externally_changed), counts);
  g_signal_connect (document, "problems-changed", G_CALLBACK (on_problems_changed), counts);
}

/* New documents */

static void
test_new (void)
{
  CbDocument *document = cb_document_new ();
  CbProject *project = cb_document_get_project (document);
  Counts counts = { 0 };

  g_assert_nonnull (project);
  g_assert_null (cb_document_get_file (document));
  g_assert_null (cb_project_get_title (project));
  g_assert_cmpstr (cb_document_get_title (document), ==, "Untitled curriculum");
  g_assert_false (cb_document_get_dirty (document));
  g_assert_false (cb_document_get_read_only (document));
  g_assert_true (cb_document_get_autosave (document));
  g_assert_cmpuint (cb_document_get_autosave_delay (document), ==, 3000);
  g_assert_cmpuint (cb_document_get_validation_delay (document), ==, 300);
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_OK);
  g_assert_null (cb_document_get_notice (document));

  count_signals (document, &counts);
  cb_document_set_validation_delay (document, 10);
  cb_document_set_autosave_delay (document, 10000);
  cb_entity_set_string (CB_ENTITY (project), "title", "Welding, 2028");
  g_assert_cmpstr (cb_document_get_title (document), ==, "Welding, 2028");
  g_assert_true (cb_document_get_dirty (document));
  cb_entity_set_string (CB_ENTITY (project), "title", "Welding, 2029");
  g_assert_cmpuint (counts.title, ==, 2);
  g_assert_cmpuint (counts.dirty, ==, 1);

  /* A title of blanks is no title. */
  cb_entity_set_string (CB_ENTITY (project), "title", "  ");
  g_assert_cmpstr (cb_document_get_title (document), ==, "Untitled curriculum");

  /* Unchanged values are not notified. */
  counts.title = 0;
  cb_document_set_validation_delay (document, 10);
  g_object_set (document, "autosave", TRUE, NULL);
  g_assert_cmpuint (counts.title, ==, 0);

  WAIT_FOR (counts.problems_changed > 0);
  test_assert_finalized (document);
}

/* Loading */

static void
test_load (void)
{
  g_autofree char *path = copy_example (NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  CbDocument *document = cb_document_new_for_file (file);
  Counts counts = { 0 };
  gsize length;
  g_autofree char *before = test_read_file (path, &length);

  g_assert_null (cb_document_get_project (document));
  g_assert_cmpstr (cb_document_get_title (document), ==, "robotics.coursebridge");
  g_assert_true (g_file_equal (cb_document_get_file (document), file));

  count_signals (document, &counts);
  cb_document_load_async (document, NULL, on_ready, &result);
  g_assert_true (cb_document_get_loading (document));
  WAIT_FOR (result != NULL);
  g_assert_true (cb_document_load_finish (document, result, &error));
  g_assert_no_error (error);
  /* The result holds the document. */
  g_clear_object (&result);

  g_assert_false (cb_document_get_loading (document));
  g_assert_cmpuint (counts.loading, ==, 2);
  g_assert_cmpuint (counts.project, ==, 1);
  g_assert_cmpuint (counts.title, ==, 1);
  g_assert_cmpuint (counts.dirty, ==, 0);
  g_assert_cmpuint (counts.problems_changed, ==, 1);
  g_assert_nonnull (cb_document_get_project (document));
  g_assert_cmpstr (cb_document_get_title (document), ==, EXAMPLE_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (cb_document_get_problems (document)), ==, 0);
  g_assert_cmpuint (cb_document_get_n_errors (document), ==, 0);
  g_assert_cmpuint (cb_document_get_n_warnings (document), ==, 0);
  g_assert_false (cb_document_get_dirty (document));
  g_assert_false (cb_document_get_read_only (document));
  g_assert_null (cb_document_get_notice (document));
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_OK);

  /* Loading changes nothing on disk, and leaves no draft. */
  {
    g_autofree char *after = test_read_file (path, &length);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_true (no_draft ());

  test_assert_finalized (document);
}

static void
test_newer_version (void)
{
  g_autofree char *example = test_example_text (EXAMPLE);
  g_autofree char *newer = test_replace (example, "\"format_version\": 1", "\"format_version\": 2");
  g_autofree char *path = copy_example (newer);
  g_autoptr (GError) error = NULL;
  CbDocument *document = open_document (path);
  CbProject *project = cb_document_get_project (document);
  gsize length;
  g_autofree char *after = NULL;

  g_assert_nonnull (project);
  g_assert_true (cb_document_get_read_only (document));
  g_assert_nonnull (cb_document_get_notice (document));
  g_assert_nonnull (strstr (cb_document_get_notice (document), "newer version"));
  g_assert_cmpstr (cb_document_get_title (document), ==, EXAMPLE_TITLE);

  /* Edits stay in memory: no draft a later version could not restore, and
   * no save. */
  cb_entity_set_string (CB_ENTITY (project), "title", "Edited");
  g_assert_true (cb_document_get_dirty (document));
  g_assert_false (save_document (document, NULL, CB_SAVE_NONE, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_READ_ONLY);
  run_for (100);
  g_assert_true (no_draft ());

  after = test_read_file (path, &length);
  g_assert_cmpstr (after, ==, newer);
  test_assert_finalized (document);
}

static void
test_broken_json (void)
{
  g_autofree char *example = test_example_text (EXAMPLE);
  g_autofree char *broken = test_replace (example, "\"format_version\": 1,", "\"format_version\": 1,,");
  g_autofree char *path = copy_example (broken);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CbDocument *document = cb_document_new_for_file (file);

  g_assert_false (load_document (document, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
  g_assert_cmpuint (cb_project_error_get_line (error), ==, 3);
  g_assert_null (cb_document_get_project (document));
  g_assert_false (cb_document_get_loading (document));
  g_assert_cmpstr (cb_document_get_title (document), ==, "robotics.coursebridge");

  /* A missing file is an error of its own kind. */
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (load_document (document, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  test_assert_finalized (document);
}

/* Validation */

static void
test_validation (void)
{
  g_autofree char *path = copy_example (NULL);
  CbDocument *document = open_document (path);
  CbProject *project = cb_document_get_project (document);
  CbEntity *module_skill = first_module_skill (project);
  GListModel *problems = cb_document_get_problems (document);
  Counts counts = { 0 };
  g_autoptr (CbProblem) problem = NULL;

  count_signals (document, &counts);
  cb_entity_set_string (module_skill, "skill", "nope");
  g_assert_true (cb_document_get_dirty (document));
  g_assert_cmpuint (counts.dirty, ==, 1);
  /* Validation waits for the edits to pause. */
  g_assert_cmpuint (cb_document_get_n_errors (document), ==, 0);
  g_assert_cmpuint (counts.problems_changed, ==, 0);

  WAIT_FOR (cb_document_get_n_errors (document) == 1);
  g_assert_cmpuint (counts.n_errors, ==, 1);
  g_assert_cmpuint (counts.problems_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpint (cb_problem_get_severity (problem), ==, CB_SEVERITY_ERROR);
  g_assert_true (cb_problem_get_entity (problem) == module_skill);

  /* Undone: the problem goes, and the list is the same object. */
  g_assert_true (cb_project_undo (project));
  g_assert_false (cb_document_get_dirty (document));
  WAIT_FOR (cb_document_get_n_errors (document) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_true (problems == cb_document_get_problems (document));
  g_assert_cmpuint (counts.problems_changed, ==, 2);

  test_assert_finalized (document);
}

/* An edit that leaves other findings alone changes only its own row. */
typedef struct
{
  guint n_calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *changed = user_data;

  changed->n_calls++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
test_validation_splice (void)
{
  g_autofree char *path = copy_example (NULL);
  CbDocument *document = open_document (path);
  CbProject *project = cb_document_get_project (document);
  CbEntity *module_skill = first_module_skill (project);
  CbEntity *module = cb_entity_get_parent (module_skill);
  GListModel *problems = cb_document_get_problems (document);
  ItemsChanged changed = { 0 };
  g_autoptr (CbProblem) first = NULL;
  g_autoptr (CbProblem) still_first = NULL;
  guint n;

  cb_entity_set_string (module_skill, "skill", "nope");
  WAIT_FOR (cb_document_get_n_errors (document) == 1);
  first = g_list_model_get_item (problems, 0);

  g_signal_connect (problems, "items-changed", G_CALLBACK (on_items_changed), &changed);
  cb_entity_set_string (cb_entity_get_child (module, "skills", 1), "skill", "nope either");
  WAIT_FOR (cb_document_get_n_errors (document) == 2);
  n = g_list_model_get_n_items (problems);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  /* The unchanged finding is the same object. */
  still_first = g_list_model_get_item (problems, 0);
  g_assert_true (still_first == first);

  g_signal_handlers_disconnect_by_func (problems, on_items_changed, &changed);
  test_assert_finalized (document);
}

/* Drafts */

static void
test_autosave (void)
{
  g_autofree char *path = copy_example (NULL);
  CbDocument *document = open_document (path);
  CbProject *project = cb_document_get_project (document);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *hash = sha256_of_file (path);
  g_autofree char *sidecar = NULL;
  g_autofree char *content = NULL;
  g_autoptr (CbProject) drafted = NULL;
  g_autoptr (GFile) content_file = NULL;
  g_autoptr (GDateTime) saved = NULL;
  JsonObject *object;

  cb_entity_set_string (CB_ENTITY (project), "title", "Drafted title");
  /* Written once the edits pause, not at once. */
  g_assert_true (no_draft ());
  WAIT_FOR (draft_written ());

  sidecar = only_draft_path (".json");
  content = only_draft_path (".coursebridge");
  json_parser_load_from_file (parser, sidecar, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, uri);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Drafted title");
  g_assert_cmpstr (json_object_get_string_member (object, "content_hash"), ==, hash);
  saved = g_date_time_new_from_iso8601 (json_object_get_string_member (object, "saved"), NULL);
  g_assert_nonnull (saved);

  content_file = g_file_new_for_path (content);
  drafted = cb_project_load_from_file (content_file, CB_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_project_get_title (drafted), ==, "Drafted title");

  /* Saved: the draft goes, the project is clean. */
  g_assert_true (save_document (document, NULL, CB_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (cb_document_get_dirty (document));
  g_assert_true (no_draft ());
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_OK);

  /* With autosave off, edits write no draft. */
  cb_document_set_autosave (document, FALSE);
  cb_entity_set_string (CB_ENTITY (project), "title", "Not drafted");
  run_for (200);
  g_assert_true (no_draft ());

  /* Turned on again, the pending edits are drafted. */
  cb_document_set_autosave (document, TRUE);
  WAIT_FOR (draft_written ());

  cb_document_discard_draft (document);
  g_assert_true (no_draft ());
  test_assert_finalized (document);
  g_assert_true (no_draft ());
}

static void
test_undo_removes_draft (void)
{
  g_autofree char *path = copy_example (NULL);
  CbDocument *document = open_document (path);
  CbProject *project = cb_document_get_project (document);

  cb_entity_set_string (CB_ENTITY (project), "title", "Drafted title");
  WAIT_FOR (draft_written ());
  g_assert_true (cb_project_undo (project));
  g_assert_false (cb_document_get_dirty (document));
  g_assert_true (no_draft ());

  /* Nothing is written for a project that is back to what was saved. */
  run_for (200);
  g_assert_true (no_draft ());

  /* Redone, it is dirty again and drafted again. */
  g_assert_true (cb_project_redo (project));
  WAIT_FOR (draft_written ());
  cb_document_discard_draft (document);
  test_assert_finalized (document);
}

static void
test_crash_recovery (void)
{
  g_autofree char *path = copy_example (NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) on_disk = NULL;
  CbDocument *a = open_document (path);
  CbDocument *b;
  CbDraft *draft;
  Counts counts = { 0 };

  cb_entity_set_string (CB_ENTITY (cb_document_get_project (a)), "title", "Recovered title");
  WAIT_FOR (draft_written ());

  /* A document still open owns its draft: nothing to recover. */
  none = cb_document_list_drafts ();
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_ptr_array_unref);

  /* The crash: A goes away without saving or discarding. */
  test_assert_finalized (a);
  g_assert_true (draft_written ());

  drafts = cb_document_list_drafts ();
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (cb_draft_get_title (draft), ==, "Recovered title");
  g_assert_nonnull (cb_draft_get_file (draft));
  g_assert_true (g_file_equal (cb_draft_get_file (draft), file));
  g_assert_nonnull (cb_draft_get_saved (draft));
  g_assert_true (g_file_test (cb_draft_get_path (draft), G_FILE_TEST_IS_REGULAR));

  b = cb_document_new_from_draft (draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);
  cb_document_set_autosave_delay (b, 20);
  count_signals (b, &counts);
  g_assert_cmpstr (cb_project_get_title (cb_document_get_project (b)), ==, "Recovered title");
  g_assert_cmpstr (cb_document_get_title (b), ==, "Recovered title");
  g_assert_true (cb_document_get_dirty (b));
  g_assert_true (g_file_equal (cb_document_get_file (b), file));
  g_assert_cmpint (cb_document_get_file_state (b), ==, CB_FILE_STATE_OK);

  /* Nothing is removed by recovering; the draft is B's now. */
  g_assert_true (draft_written ());
  none = cb_document_list_drafts ();
  g_assert_cmpuint (none->len, ==, 0);
  /* Opening the same draft twice is refused. */
  g_assert_null (cb_document_new_from_draft (draft, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  g_assert_true (save_document (b, NULL, CB_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (cb_document_get_dirty (b));
  g_assert_true (no_draft ());
  on_disk = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_project_get_title (on_disk), ==, "Recovered title");

  /* Our own save is not someone else's change. */
  run_for (300);
  g_assert_cmpuint (counts.externally_changed, ==, 0);

  test_assert_finalized (b);
}

static void
test_recovery_changed_on_disk (void)
{
  g_autofree char *path = copy_example (NULL);
  g_autofree char *example = test_example_text (EXAMPLE);
  g_autofree char *theirs = test_replace (example, EXAMPLE_TITLE, "Their title");
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GError) error = NULL;
  CbDocument *a = open_document (path);
  CbDocument *b;

  cb_entity_set_string (CB_ENTITY (cb_document_get_project (a)), "title", "My title");
  WAIT_FOR (draft_written ());
  test_assert_finalized (a);

  /* Meanwhile someone else changed the file. */
  replace_like_an_editor (path, theirs);

  drafts = cb_document_list_drafts ();
  g_assert_cmpuint (drafts->len, ==, 1);
  b = cb_document_new_from_draft (g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  /* The file is checked in a worker thread. */
  WAIT_FOR (cb_document_get_file_state (b) == CB_FILE_STATE_CHANGED);

  g_assert_false (save_document (b, NULL, CB_SAVE_NONE, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (cb_document_get_dirty (b));
  g_assert_true (draft_written ());

  /* "Keep Mine". */
  g_assert_true (save_document (b, NULL, CB_SAVE_OVERWRITE_CHANGED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cb_document_get_file_state (b), ==, CB_FILE_STATE_OK);
  g_assert_true (no_draft ());
  test_assert_finalized (b);
}

static void
test_unreadable_sidecar (void)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *content = g_build_filename (dir, "0a1b.coursebridge", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "0a1b.json", NULL);
  g_autofree char *lone = g_build_filename (dir, "c2d3.coursebridge", NULL);
  g_autofree char *example = test_example_text (EXAMPLE);
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  CbDocument *document;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  test_write_file (content, example, -1);
  test_write_file (sidecar, "{ not json", -1);
  test_write_file (lone, example, -1);

  drafts = cb_document_list_drafts ();
  g_assert_cmpuint (drafts->len, ==, 2);
  for (guint i = 0; i < drafts->len; i++)
    {
      CbDraft *draft = g_ptr_array_index (drafts, i);

      g_assert_null (cb_draft_get_file (draft));
      g_assert_null (cb_draft_get_title (draft));
      g_assert_nonnull (cb_draft_get_saved (draft));
    }

  /* Recovered without a file: it is saved under a new name. */
  document = cb_document_new_from_draft (g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  g_assert_null (cb_document_get_file (document));
  g_assert_true (cb_document_get_dirty (document));
  g_assert_cmpstr (cb_document_get_title (document), ==, EXAMPLE_TITLE);
  g_assert_true (g_file_test (content, G_FILE_TEST_EXISTS));
  test_assert_finalized (document);

  /* Listing never deleted anything; deleting does. */
  g_assert_true (g_file_test (content, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < drafts->len; i++)
    cb_draft_delete (g_ptr_array_index (drafts, i));
  g_assert_false (g_file_test (content, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (lone, G_FILE_TEST_EXISTS));
  after = cb_document_list_drafts ();
  g_assert_cmpuint (after->len, ==, 0);

  /* A draft that is not a project is an error, not a crash. */
  test_write_file (content, "{ broken", -1);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = cb_document_list_drafts ();
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_null (cb_document_new_from_draft (g_ptr_array_index (after, 0), &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
  g_assert_true (g_file_test (content, G_FILE_TEST_EXISTS));
}

static void
test_untitled_draft (void)
{
  CbDocument *document = cb_document_new ();
  g_autofree char *dir = test_make_dir ("projects");
  g_autofree char *path = g_build_filename (dir, "new.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *sidecar = NULL;
  JsonObject *object;
  Counts counts = { 0 };

  cb_document_set_autosave_delay (document, 20);
  count_signals (document, &counts);
  cb_entity_set_string (CB_ENTITY (cb_document_get_project (document)), "title", "Fresh");
  WAIT_FOR (draft_written ());
  sidecar = only_draft_path (".json");
  json_parser_load_from_file (parser, sidecar, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_null_member (object, "file"));
  g_assert_true (json_object_get_null_member (object, "content_hash"));

  /* Save As: the document follows its new file. */
  g_assert_true (save_document (document, file, CB_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.file, ==, 1);
  g_assert_true (g_file_equal (cb_document_get_file (document), file));
  g_assert_true (no_draft ());

  /* …and watches it. */
  {
    gsize length;
    g_autofree char *text = test_read_file (path, &length);
    g_autofree char *theirs = test_replace (text, "Fresh", "Theirs");

    replace_like_an_editor (path, theirs);
  }
  WAIT_FOR (counts.externally_changed == 1);
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_CHANGED);
  test_assert_finalized (document);
}

/* Watching the file */

static void
test_external_change (void)
{
  g_autofree char *path = copy_example (NULL);
  g_autofree char *example = test_example_text (EXAMPLE);
  g_autofree char *theirs = test_replace (example, EXAMPLE_TITLE, "Their title");
  g_autoptr (GError) error = NULL;
  CbDocument *document = open_document (path);
  CbProject *before = cb_document_get_project (document);
  Counts counts = { 0 };

  count_signals (document, &counts);
  cb_entity_set_string (CB_ENTITY (before), "title", "My title");
  WAIT_FOR (draft_written ());

  replace_like_an_editor (path, theirs);
  WAIT_FOR (counts.externally_changed == 1);
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_CHANGED);
  g_assert_cmpuint (counts.file_state, ==, 1);

  /* Checking again (the window got the focus) says nothing new. */
  cb_document_check_file (document);
  g_assert_cmpuint (counts.externally_changed, ==, 1);

  /* A plain save would overwrite their change: refused. */
  g_assert_false (save_document (document, NULL, CB_SAVE_NONE, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* "Reload": their version replaces ours, and our draft goes. */
  g_assert_true (reload_document (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.project, ==, 1);
  g_assert_true (cb_document_get_project (document) != before);
  g_assert_cmpstr (cb_document_get_title (document), ==, "Their title");
  g_assert_false (cb_document_get_dirty (document));
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_OK);
  g_assert_true (no_draft ());

  /* Still watched after the reload. */
  replace_like_an_editor (path, example);
  WAIT_FOR (counts.externally_changed == 2);
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_CHANGED);

  /* "Keep Mine" after all. */
  cb_entity_set_string (CB_ENTITY (cb_document_get_project (document)), "title", "Mine");
  g_assert_true (save_document (document, NULL, CB_SAVE_OVERWRITE_CHANGED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_OK);

  test_assert_finalized (document);
}

static void
test_own_save_is_quiet (void)
{
  g_autofree char *path = copy_example (NULL);
  g_autoptr (GError) error = NULL;
  CbDocument *document = open_document (path);
  Counts counts = { 0 };

  count_signals (document, &counts);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);

      cb_entity_set_string (CB_ENTITY (cb_document_get_project (document)), "title", title);
      g_assert_true (save_document (document, NULL, CB_SAVE_NONE, &error));
      g_assert_no_error (error);
      cb_document_check_file (document);
    }
  /* Let every event our saves caused arrive and be checked. */
  run_for (500);
  g_assert_cmpuint (counts.externally_changed, ==, 0);
  g_assert_cmpuint (counts.file_state, ==, 0);
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_OK);

  /* The same content written by someone else is no change either. */
  {
    gsize length;
    g_autofree char *same = test_read_file (path, &length);

    replace_like_an_editor (path, same);
  }
  run_for (500);
  g_assert_cmpuint (counts.externally_changed, ==, 0);

  test_assert_finalized (document);
}

static void
test_delete (void)
{
  g_autofree char *path = copy_example (NULL);
  g_autofree char *example = test_example_text (EXAMPLE);
  g_autofree char *theirs = test_replace (example, EXAMPLE_TITLE, "Their title");
  g_autoptr (GError) error = NULL;
  CbDocument *document = open_document (path);
  Counts counts = { 0 };

  count_signals (document, &counts);
  g_assert_cmpint (g_unlink (path), ==, 0);
  WAIT_FOR (counts.externally_changed == 1);
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_DELETED);

  /* Created again by someone else: changed. */
  test_write_file (path, theirs, -1);
  WAIT_FOR (cb_document_get_file_state (document) == CB_FILE_STATE_CHANGED);
  g_assert_cmpuint (counts.externally_changed, ==, 2);

  /* Deleted again, then saved by us: the file is back and ours. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  WAIT_FOR (cb_document_get_file_state (document) == CB_FILE_STATE_DELETED);
  g_assert_true (save_document (document, NULL, CB_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cb_document_get_file_state (document), ==, CB_FILE_STATE_OK);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  test_assert_finalized (document);
}

static void
test_delete_and_create (void)
{
  g_autofree char *path = copy_example (NULL);
  g_autofree char *example = test_example_text (EXAMPLE);
  g_autofree char *theirs = test_replace (example, EXAMPLE_TITLE, "Their title");
  CbDocument *document = open_document (path);
  Counts counts = { 0 };

  /* Some programs save by deleting the file and writing a new one. */
  count_signals (document, &counts);
  g_assert_cmpint (g_unlink (path), ==, 0);
  test_write_file (path, theirs, -1);
  WAIT_FOR (cb_document_get_file_state (document) == CB_FILE_STATE_CHANGED);
  g_assert_cmpuint (counts.externally_changed, >=, 1);

  test_assert_finalized (document);
}

static void
test_dispose_while_busy (void)
{
  g_autofree char *path = copy_example (NULL);
  CbDocument *document = open_document (path);
  g_autoptr (GAsyncResult) result = NULL;
  gpointer weak = document;

  /* Timers, the monitor and a save in flight: the save holds the document
   * until it is done; then it goes cleanly. */
  cb_entity_set_string (CB_ENTITY (cb_document_get_project (document)), "title", "Busy");
  cb_document_save_async (document, NULL, CB_SAVE_NONE, NULL, on_ready, &result);
  g_object_add_weak_pointer (G_OBJECT (document), &weak);
  g_object_unref (document);
  g_assert_nonnull (weak);
  WAIT_FOR (result != NULL);
  g_assert_true (cb_document_save_finish (CB_DOCUMENT (weak), result, NULL));
  g_clear_object (&result);
  g_assert_null (weak);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/document/new", test_new);
  g_test_add_func ("/core/document/load", test_load);
  g_test_add_func ("/core/document/newer-version", test_newer_version);
  g_test_add_func ("/core/document/broken-json", test_broken_json);
  g_test_add_func ("/core/document/validation", test_validation);
  g_test_add_func ("/core/document/validation-splice", test_validation_splice);
  g_test_add_func ("/core/document/autosave", test_autosave);
  g_test_add_func ("/core/document/undo-removes-draft", test_undo_removes_draft);
  g_test_add_func ("/core/document/crash-recovery", test_crash_recovery);
  g_test_add_func ("/core/document/recovery-changed-on-disk", test_recovery_changed_on_disk);
  g_test_add_func ("/core/document/unreadable-sidecar", test_unreadable_sidecar);
  g_test_add_func ("/core/document/untitled-draft", test_untitled_draft);
  g_test_add_func ("/core/document/external-change", test_external_change);
  g_test_add_func ("/core/document/own-save-is-quiet", test_own_save_is_quiet);
  g_test_add_func ("/core/document/delete", test_delete);
  g_test_add_func ("/core/document/delete-and-create", test_delete_and_create);
  g_test_add_func ("/core/document/dispose-while-busy", test_dispose_while_busy);

  return g_test_run ();
}
