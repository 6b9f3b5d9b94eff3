/* test-window.c: the project window, driven through its actions and widgets
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real windows under Xvfb: open the examples and visit every page, edit
 * and undo, save and reopen, close with unsaved changes, a file changed
 * behind the window's back, a crash and its recovered draft, broken and
 * newer files, search, and a problem that leads to the record it is about.
 */
#define G_LOG_DOMAIN "cb-test-window"

#include "config.h"

#include <signal.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-collection-page.h"
#include "cb-dialogs.h"
#include "cb-problems-page.h"
#include "cb-search-page.h"
#include "cb-window.h"
#include "ui-test-util.h"

#define TIMEOUT_SECONDS 20

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; fails after a long time
 * instead of hanging. No timing is asserted. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting until %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
not_loading (gpointer window)
{
  return !cb_window_get_loading (window);
}

static gboolean
document_idle (gpointer window)
{
  CbDocument *document = cb_window_get_document (window);

  return document != NULL && !cb_document_get_saving (document) && !cb_document_get_loading (document);
}

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/* A copy of an example in a temporary folder, to edit and save. */
static char *
copy_example (const char *name)
{
  g_autofree char *source = example_path (name);
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cb-window-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static CbWindow *
open_window (const char *path)
{
  CbWindow *window = cb_window_new (NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  cb_window_open (window, file);
  wait_until (not_loading, window, "the project is loaded");
  return window;
}

static void
destroy_window (CbWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Every page of both examples */

static void
visit_pages (const char *example)
{
  static const char *pages[] = {
    "overview", "courses", "skills", "outcomes", "people", "partners", "reviews", "problems",
  };
  g_autofree char *path = example_path (example);
  CbWindow *window = open_window (path);

  g_assert_nonnull (cb_window_get_project (window));
  g_assert_cmpstr (cb_window_get_visible_page (window), ==, "overview");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]));
      spin (20);
      g_assert_cmpstr (cb_window_get_visible_page (window), ==, pages[i]);
    }
  /* The examples have no problems. */
  g_assert_cmpuint (cb_document_get_n_errors (cb_window_get_document (window)), ==, 0);
  destroy_window (window);
}

static void
test_visit_pages_en (void)
{
  visit_pages ("robotics-en.coursebridge");
}

static void
test_visit_pages_zh (void)
{
  visit_pages ("robotics-zh.coursebridge");
}

static void
test_start_screen (void)
{
  CbWindow *window = cb_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  spin (20);
  g_assert_cmpstr (cb_window_get_visible_page (window), ==, "start");
  g_assert_true (cb_window_is_empty (window));
  g_assert_null (cb_window_get_project (window));

  /* New Project shows an empty project in the same window. */
  cb_window_new_project (window);
  g_assert_nonnull (cb_window_get_project (window));
  g_assert_cmpstr (cb_window_get_visible_page (window), ==, "overview");
  g_assert_false (cb_window_is_empty (window));
  g_assert_false (cb_project_can_undo (cb_window_get_project (window)));
  destroy_window (window);
}

/* Adding and undoing */

static void
test_add_undo_redo (void)
{
  g_autofree char *path = copy_example ("robotics-en.coursebridge");
  CbWindow *window = open_window (path);
  CbProject *project = cb_window_get_project (window);
  CbCollectionPage *courses = CB_COLLECTION_PAGE (cb_window_get_page (window, "courses"));
  guint n_courses = cb_entity_get_n_children (CB_ENTITY (project), "courses");
  g_autoptr (CbEntity) module = cb_entity_new_with_id (CB_KIND_MODULE);
  g_autoptr (CbEntity) objective = cb_entity_new_with_id (CB_KIND_OBJECTIVE);
  g_autoptr (CbEntity) mapping = cb_entity_new (CB_KIND_MODULE_SKILL);
  CbEntity *skill = cb_entity_get_child (CB_ENTITY (project), "skills", 0);
  CbEntity *course;

  /* A course, through the page's Add. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "courses"));
  cb_collection_page_add (courses);
  g_assert_cmpuint (cb_entity_get_n_children (CB_ENTITY (project), "courses"), ==, n_courses + 1);
  course = cb_entity_get_child (CB_ENTITY (project), "courses", n_courses);
  g_assert_true (cb_collection_page_get_shown (courses) == course);
  g_assert_true (cb_document_get_dirty (cb_window_get_document (window)));

  /* A module, an objective and a module–skill mapping in it. */
  cb_entity_set_string (module, "title", "Collaborative robots");
  cb_entity_append_child (course, "modules", module);
  cb_entity_set_string (objective, "code", "CO1");
  cb_entity_append_child (course, "objectives", objective);
  cb_entity_set_string (mapping, "skill", cb_entity_get_id (skill));
  cb_entity_set_string (mapping, "level", "introduced");
  cb_entity_append_child (module, "skills", mapping);
  g_assert_cmpuint (cb_entity_get_n_children (module, "skills"), ==, 1);

  /* Undo all four through the window's action; redo them. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (cb_entity_get_n_children (course, "modules"), ==, 0);
  g_assert_cmpuint (cb_entity_get_n_children (course, "objectives"), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (cb_entity_get_n_children (CB_ENTITY (project), "courses"), ==, n_courses);
  g_assert_false (cb_document_get_dirty (cb_window_get_document (window)));
  spin (20);
  /* The page no longer shows the removed course. */
  g_assert_null (cb_collection_page_get_shown (courses));

  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (cb_entity_get_n_children (CB_ENTITY (project), "courses"), ==, n_courses + 1);
  g_assert_cmpuint (cb_entity_get_n_children (module, "skills"), ==, 1);
  g_assert_true (cb_document_get_dirty (cb_window_get_document (window)));

  /* Reordering the list: the chosen course moves down and back. */
  cb_window_show_entity (window, cb_entity_get_child (CB_ENTITY (project), "courses", 0), NULL);
  {
    CbEntity *first = cb_entity_get_child (CB_ENTITY (project), "courses", 0);

    cb_collection_page_move (courses, 1);
    g_assert_true (cb_entity_get_child (CB_ENTITY (project), "courses", 1) == first);
    g_assert_true (cb_collection_page_get_shown (courses) == first);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_true (cb_entity_get_child (CB_ENTITY (project), "courses", 0) == first);
  }

  cb_document_discard_draft (cb_window_get_document (window));
  destroy_window (window);
}

/* Saving and reopening */

static gboolean
saved_clean (gpointer window)
{
  return document_idle (window) && !cb_document_get_dirty (cb_window_get_document (window));
}

static void
test_save_as_and_reopen (void)
{
  g_autofree char *path = copy_example ("robotics-zh.coursebridge");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *saved_path = g_build_filename (dir, "saved.coursebridge", NULL);
  g_autoptr (GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr (GBytes) expected = NULL;
  g_autoptr (GBytes) reread = NULL;
  g_autoptr (CbProject) reopened = NULL;
  g_autoptr (GError) error = NULL;
  CbWindow *window = open_window (path);
  CbProject *project = cb_window_get_project (window);

  cb_entity_set_string (CB_ENTITY (project), "title", "工业机器人技术（2028 版）");
  cb_dialogs_set_test_answer (CB_RESPONSE_SAVE, saved);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  wait_until (saved_clean, window, "the project is saved");
  g_assert_true (g_file_equal (cb_window_get_file (window), saved));

  /* What is on disk is what the window holds. */
  expected = cb_project_serialize (project);
  reopened = cb_project_load_from_file (saved, CB_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  reread = cb_project_serialize (reopened);
  g_assert_true (g_bytes_equal (expected, reread));
  g_assert_cmpstr (cb_project_get_title (reopened), ==, "工业机器人技术（2028 版）");
  destroy_window (window);
}

/* Closing with unsaved changes */

static void
on_weak_notify (gpointer  data,
                GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_close_unsaved (void)
{
  g_autofree char *path = copy_example ("robotics-en.coursebridge");
  g_autofree char *before = read_file (path);
  g_autofree char *after = NULL;
  CbWindow *window = open_window (path);
  gboolean gone = FALSE;

  cb_entity_set_string (CB_ENTITY (cb_window_get_project (window)), "title", "Changed");
  g_object_weak_ref (G_OBJECT (window), on_weak_notify, &gone);

  /* Cancel keeps the window and the changes. */
  cb_dialogs_set_test_answer (CB_RESPONSE_CANCEL, NULL);
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_false (gone);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (cb_document_get_dirty (cb_window_get_document (window)));

  /* Discard closes without touching the file. */
  cb_dialogs_set_test_answer (CB_RESPONSE_DISCARD, NULL);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (flag_set, &gone, "the window is closed");
  after = read_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_close_unsaved_save (void)
{
  g_autofree char *path = copy_example ("robotics-en.coursebridge");
  g_autofree char *after = NULL;
  CbWindow *window = open_window (path);
  gboolean gone = FALSE;

  cb_entity_set_string (CB_ENTITY (cb_window_get_project (window)), "title", "Saved on close");
  g_object_weak_ref (G_OBJECT (window), on_weak_notify, &gone);
  cb_dialogs_set_test_answer (CB_RESPONSE_SAVE, NULL);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (flag_set, &gone, "the window saves and closes");
  after = read_file (path);
  g_assert_nonnull (strstr (after, "\"title\": \"Saved on close\""));
}

/* A file changed behind the window's back */

static gboolean
changed_shown (gpointer window)
{
  return cb_window_get_changed_on_disk_shown (window);
}

static void
replace_file (const char *path,
              const char *contents)
{
  g_autofree char *temp = g_strconcat (path, ".other-editor", NULL);

  /* Other editors save by writing a new file and renaming it over the old. */
  g_assert_true (g_file_set_contents (temp, contents, -1, NULL));
  g_assert_cmpint (g_rename (temp, path), ==, 0);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *path = copy_example ("robotics-en.coursebridge");
  g_autofree char *original = read_file (path);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  GString *edited = g_string_new (original);
  CbWindow *window = open_window (path);

  /* Our own save does not count as a change by someone else. */
  cb_entity_set_string (CB_ENTITY (cb_window_get_project (window)), "title", "Mine");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_until (saved_clean, window, "our save finished");
  spin (300);
  g_assert_false (cb_window_get_changed_on_disk_shown (window));

  /* Someone else's is noticed, and the bar offers Reload or Keep Mine. */
  g_string_replace (edited, "Industrial Robotics Engineering Technology, 2027 curriculum",
                    "Theirs", 1);
  theirs = g_string_free (edited, FALSE);
  replace_file (path, theirs);
  wait_until (changed_shown, window, "the change on disk is noticed");
  g_assert_cmpint (cb_document_get_file_state (cb_window_get_document (window)), ==, CB_FILE_STATE_CHANGED);

  /* Saving now asks; Keep Mine overwrites theirs. */
  cb_entity_set_string (CB_ENTITY (cb_window_get_project (window)), "title", "Mine again");
  cb_dialogs_set_test_answer (CB_RESPONSE_SAVE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_until (saved_clean, window, "Keep Mine saved");
  after = read_file (path);
  g_assert_nonnull (strstr (after, "\"title\": \"Mine again\""));
  destroy_window (window);
}

/* A crash and the recovered draft */

static gboolean
draft_written (gpointer data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "coursebridge", "drafts", NULL);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      return TRUE;
  return FALSE;
}

static void
test_crash_recovery (void)
{
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      /* The app, editing, then killed before anyone saved. */
      CbWindow *window;

      path = g_strdup (g_getenv ("CB_CRASH_FILE"));
      window = open_window (path);
      cb_document_set_autosave_delay (cb_window_get_document (window), 50);
      cb_entity_set_string (CB_ENTITY (cb_window_get_project (window)), "title", "Unsaved before the crash");
      wait_until (draft_written, NULL, "the draft is written");
      spin (200);
      raise (SIGKILL);
    }

  cb_ui_test_clear_drafts ();
  path = copy_example ("robotics-en.coursebridge");
  g_setenv ("CB_CRASH_FILE", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  {
    CbWindow *window = cb_window_new (NULL);
    g_autoptr (GPtrArray) drafts = cb_document_list_drafts ();
    g_autofree char *on_disk = read_file (path);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    CbProject *project;

    gtk_window_present (GTK_WINDOW (window));
    spin (20);
    /* The start screen offers the draft; restoring brings the edit back. */
    g_assert_cmpuint (cb_window_get_draft_count (window), ==, 1);
    g_assert_cmpuint (drafts->len, ==, 1);
    cb_window_restore_draft (window, g_ptr_array_index (drafts, 0));
    project = cb_window_get_project (window);
    g_assert_nonnull (project);
    g_assert_cmpstr (cb_project_get_title (project), ==, "Unsaved before the crash");
    g_assert_true (cb_document_get_dirty (cb_window_get_document (window)));
    g_assert_true (g_file_equal (cb_window_get_file (window), file));
    /* The file itself was never touched. */
    g_assert_null (strstr (on_disk, "Unsaved before the crash"));
    cb_document_discard_draft (cb_window_get_document (window));
    destroy_window (window);
  }
}

/* Broken and newer files */

static void
test_broken_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cb-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.coursebridge", NULL);
  const char *broken = "{\n  \"format\": \"coursebridge-project\",\n  \"title\": ]\n}\n";
  g_autofree char *after = NULL;
  CbWindow *window;

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  window = open_window (path);
  g_assert_cmpstr (cb_window_get_visible_page (window), ==, "status");
  g_assert_null (cb_window_get_project (window));
  g_assert_nonnull (strstr (cb_window_get_status_text (window), "Line 3"));
  after = read_file (path);
  g_assert_cmpstr (after, ==, broken);
  destroy_window (window);
}

static void
test_newer_file (void)
{
  g_autofree char *path = copy_example ("robotics-en.coursebridge");
  g_autofree char *before = read_file (path);
  g_autofree char *after = NULL;
  GString *newer = g_string_new (before);
  CbWindow *window;

  g_string_replace (newer, "\"format_version\": 1,", "\"format_version\": 2,", 1);
  g_assert_true (g_file_set_contents (path, newer->str, -1, NULL));
  window = open_window (path);

  /* Opened read-only, never lost, never overwritten. */
  g_assert_cmpstr (cb_window_get_visible_page (window), ==, "overview");
  g_assert_true (cb_project_get_read_only (cb_window_get_project (window)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL) &&
                  cb_document_get_saving (cb_window_get_document (window)));
  spin (50);
  after = read_file (path);
  g_assert_cmpstr (after, ==, newer->str);
  g_string_free (newer, TRUE);
  destroy_window (window);
}

/* Search and problems lead to the record */

static void
test_search_jumps (void)
{
  g_autofree char *path = example_path ("robotics-en.coursebridge");
  CbWindow *window = open_window (path);
  CbSearchPage *search = CB_SEARCH_PAGE (cb_window_get_page (window, "search"));
  CbCollectionPage *courses = CB_COLLECTION_PAGE (cb_window_get_page (window, "courses"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  spin (20);
  g_assert_cmpstr (cb_window_get_visible_page (window), ==, "search");
  cb_search_page_set_query (search, "rob3105");
  g_assert_cmpuint (cb_search_page_get_n_results (search), >, 0);
  cb_search_page_activate_first (search);
  spin (20);
  g_assert_cmpstr (cb_window_get_visible_page (window), ==, "courses");
  g_assert_cmpstr (cb_entity_get_display_name (cb_collection_page_get_shown (courses)), ==,
                   "Machine Vision");
  destroy_window (window);
}

static gboolean
has_error (gpointer window)
{
  return cb_document_get_n_errors (cb_window_get_document (window)) > 0;
}

static void
test_problem_jumps (void)
{
  g_autofree char *path = copy_example ("robotics-en.coursebridge");
  CbWindow *window = open_window (path);
  CbProject *project = cb_window_get_project (window);
  CbEntity *course = cb_entity_get_child (CB_ENTITY (project), "courses", 1);
  CbEntity *module = cb_entity_get_child (course, "modules", 2);
  CbEntity *mapping = cb_entity_get_child (module, "skills", 0);
  CbCollectionPage *courses = CB_COLLECTION_PAGE (cb_window_get_page (window, "courses"));
  GListModel *problems = cb_document_get_problems (cb_window_get_document (window));
  g_autoptr (CbProblem) problem = NULL;

  cb_document_set_validation_delay (cb_window_get_document (window), 10);
  cb_entity_set_string (mapping, "skill", "no-such-skill");
  wait_until (has_error, window, "the problem is found");
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (cb_problem_get_code (problem), ==, "dangling-reference");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "problems"));
  g_signal_emit_by_name (cb_window_get_page (window, "problems"), "activate-problem", problem);
  spin (20);
  /* The mapping is edited in its module's form: the module is shown. */
  g_assert_cmpstr (cb_window_get_visible_page (window), ==, "courses");
  g_assert_true (cb_collection_page_get_shown (courses) == module);
  cb_document_discard_draft (cb_window_get_document (window));
  destroy_window (window);
}

/* The identity from the preferences signs what the user adds. */
static void
test_identity_signs (void)
{
  g_autofree char *path = copy_example ("robotics-en.coursebridge");
  g_autoptr (GSettings) settings = g_settings_new (BASE_APP_ID);
  CbWindow *window;
  CbProject *project;
  CbCollectionPage *reviews;
  CbEntity *review;
  CbEntity *author;
  guint n_people;

  g_settings_set_string (settings, "identity-name", "Mei Zhang");
  g_settings_set_string (settings, "identity-role", "enterprise-expert");
  g_settings_set_string (settings, "identity-organization", "Northbridge Automation Systems Ltd.");
  window = open_window (path);
  project = cb_window_get_project (window);
  n_people = cb_entity_get_n_children (CB_ENTITY (project), "people");
  reviews = CB_COLLECTION_PAGE (cb_window_get_page (window, "reviews"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  cb_collection_page_add (reviews);
  review = cb_collection_page_get_shown (reviews);
  g_assert_nonnull (review);
  author = cb_project_lookup (project, cb_entity_get_string (review, "author"));
  g_assert_nonnull (author);
  g_assert_cmpstr (cb_entity_get_string (author, "name"), ==, "Mei Zhang");
  g_assert_cmpstr (cb_entity_get_string (author, "role"), ==, "enterprise-expert");
  /* Her company is a partner of the project: she is recorded as of it. */
  g_assert_cmpstr (cb_entity_get_display_name (cb_project_lookup (project,
                                                                  cb_entity_get_string (author, "organization"))),
                   ==, "Northbridge Automation Systems Ltd.");
  g_assert_cmpuint (cb_entity_get_n_children (CB_ENTITY (project), "people"), ==, n_people + 1);

  /* One step undoes the review and the person added for it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (cb_entity_get_n_children (CB_ENTITY (project), "people"), ==, n_people);

  g_settings_reset (settings, "identity-name");
  g_settings_reset (settings, "identity-role");
  g_settings_reset (settings, "identity-organization");
  cb_document_discard_draft (cb_window_get_document (window));
  destroy_window (window);
}

static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child))
      return TRUE;
  return FALSE;
}

/* Every button says what it does: its own text, or (for an icon) a
 * tooltip, which GTK also gives to screen readers when no label is set. */
static void
check_buttons (GtkWidget *widget,
               GString   *unnamed)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget))
                                                 : gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      gboolean has_text_child = has_text (widget);
      /* Buttons made by GTK and libadwaita themselves (window controls,
       * popover internals) are theirs to name. */
      if ((label == NULL || *label == '\0') && (tooltip == NULL || *tooltip == '\0') &&
          !has_text_child && gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL &&
          g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Gtk") &&
          gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) == NULL &&
          gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) == NULL &&
          gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) == NULL &&
          gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) == NULL &&
          gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY) == NULL &&
          gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) == NULL &&
          !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
        {
          GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));
          const char *icon = GTK_IS_IMAGE (child) ? gtk_image_get_icon_name (GTK_IMAGE (child)) : NULL;

          g_string_append_printf (unnamed, " %s (icon %s, in %s in %s)", G_OBJECT_TYPE_NAME (widget),
                                  icon ? icon : "none",
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_buttons (child, unnamed);
}

static void
test_buttons_named (void)
{
  static const char *pages[] = {
    "overview", "courses", "skills", "outcomes", "people", "partners", "reviews", "problems",
  };
  g_autofree char *path = example_path ("robotics-en.coursebridge");
  CbWindow *window = open_window (path);
  CbProject *project = cb_window_get_project (window);
  CbEntity *course = cb_entity_get_child (CB_ENTITY (project), "courses", 0);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GString) unnamed = g_string_new (NULL);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      spin (50);
      check_buttons (GTK_WIDGET (window), unnamed);
      if (unnamed->len > 0)
        g_error ("Buttons without a name on the page %s:%s", pages[i], unnamed->str);
    }
  /* A course's and a module's editors, with their lists and mappings. */
  {
    g_autoptr (GString) unnamed = g_string_new (NULL);

    cb_window_show_entity (window, course, NULL);
    spin (50);
    check_buttons (GTK_WIDGET (window), unnamed);
    cb_window_show_entity (window, cb_entity_get_child (course, "modules", 0), NULL);
    spin (50);
    check_buttons (GTK_WIDGET (window), unnamed);
    if (unnamed->len > 0)
      g_error ("Buttons without a name in the editors:%s", unnamed->str);
  }
  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!cb_ui_test_init (&argc, &argv))
    return cb_ui_test_finish (77);

  g_test_add_func ("/ui/window/start-screen", test_start_screen);
  g_test_add_func ("/ui/window/visit-pages/en", test_visit_pages_en);
  g_test_add_func ("/ui/window/visit-pages/zh", test_visit_pages_zh);
  g_test_add_func ("/ui/window/add-undo-redo", test_add_undo_redo);
  g_test_add_func ("/ui/window/save-as-and-reopen", test_save_as_and_reopen);
  g_test_add_func ("/ui/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/ui/window/close-unsaved-save", test_close_unsaved_save);
  g_test_add_func ("/ui/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/ui/window/crash-recovery", test_crash_recovery);
  g_test_add_func ("/ui/window/broken-file", test_broken_file);
  g_test_add_func ("/ui/window/newer-file", test_newer_file);
  g_test_add_func ("/ui/window/search-jumps", test_search_jumps);
  g_test_add_func ("/ui/window/problem-jumps", test_problem_jumps);
  g_test_add_func ("/ui/window/identity-signs", test_identity_signs);
  g_test_add_func ("/ui/window/buttons-named", test_buttons_named);

  return cb_ui_test_finish (g_test_run ());
}
