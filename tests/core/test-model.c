/* test-model.c: records, lookup, signals, duplication and paths
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-model"

#include "test-util.h"

#define COURSE_0 "5c958415-1a31-46ae-8ff8-0b025a2fd881"
#define MODULE_1 "4b1162d5-7f7b-461d-978e-6d1d51b10f66"
#define INDICATOR_1_1 "70fb63c4-af4a-4d45-876b-eab8f1ef7082"
#define REPLY_0 "8b07ca6e-511a-4353-8391-77bf66d2eecd"
#define PERSON_0 "1e216d04-6192-4f81-ae43-b751d7e3c01b"

/* Lookup */

typedef struct
{
  CbProject *project;
  guint kinds_seen[CB_N_KINDS];
  guint n_with_id;
} LookupData;

static void
lookup_visit (CbEntity *entity,
              gpointer  user_data)
{
  LookupData *data = user_data;
  const char *id = cb_entity_get_id (entity);

  g_assert_true (cb_entity_get_project (entity) == data->project);
  if (id == NULL)
    {
      g_assert_false (cb_kind_has_id (cb_entity_get_kind (entity)));
      return;
    }
  data->kinds_seen[cb_entity_get_kind (entity)]++;
  data->n_with_id++;
  if (cb_project_lookup (data->project, id) != entity)
    g_error ("the %s with id %s is not found by its id",
             cb_kind_get_name (cb_entity_get_kind (entity)), id);
}

static void
test_lookup (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  LookupData data = { project, { 0 }, 0 };
  const CbKind with_id[] = {
    CB_KIND_PROJECT, CB_KIND_PERSON, CB_KIND_PARTNER, CB_KIND_RESPONSIBILITY, CB_KIND_SKILL,
    CB_KIND_OUTCOME, CB_KIND_INDICATOR, CB_KIND_COURSE, CB_KIND_TEXTBOOK, CB_KIND_OBJECTIVE,
    CB_KIND_MODULE, CB_KIND_RESOURCE, CB_KIND_ASSESSMENT, CB_KIND_OFFERING, CB_KIND_REVIEW,
    CB_KIND_REPLY,
  };
  CbEntity *course;
  CbEntity *module;
  g_autoptr (CbEntity) person = NULL;
  g_autoptr (CbEntity) twin = NULL;

  _cb_entity_visit (CB_ENTITY (project), lookup_visit, &data);
  for (guint i = 0; i < G_N_ELEMENTS (with_id); i++)
    if (data.kinds_seen[with_id[i]] == 0)
      g_error ("no %s in the example", cb_kind_get_name (with_id[i]));
  g_assert_cmpuint (data.kinds_seen[CB_KIND_COURSE], ==, 4);
  g_assert_cmpuint (data.kinds_seen[CB_KIND_PROJECT], ==, 1);

  course = cb_project_lookup (project, COURSE_0);
  g_assert_true (course == test_course (project, 0));
  g_assert_cmpint (cb_entity_get_kind (course), ==, CB_KIND_COURSE);
  g_assert_true (CB_IS_COURSE (course));
  module = cb_project_lookup (project, MODULE_1);
  g_assert_true (module == cb_entity_get_child (course, "modules", 1));
  g_assert_true (CB_IS_MODULE (module));
  g_assert_cmpint (cb_entity_get_kind (cb_project_lookup (project, INDICATOR_1_1)), ==, CB_KIND_INDICATOR);
  g_assert_cmpstr (cb_entity_get_string (cb_project_lookup (project, INDICATOR_1_1), "code"), ==, "1.1");
  g_assert_cmpint (cb_entity_get_kind (cb_project_lookup (project, REPLY_0)), ==, CB_KIND_REPLY);
  g_assert_true (cb_project_lookup (project, cb_entity_get_id (CB_ENTITY (project))) == CB_ENTITY (project));
  g_assert_null (cb_project_lookup (project, NULL));
  g_assert_null (cb_project_lookup (project, "no-such-id"));
  g_assert_null (cb_project_lookup (project, ""));

  /* Removed records are not found, and are again after undo. */
  cb_entity_remove (course);
  g_assert_null (cb_project_lookup (project, COURSE_0));
  g_assert_null (cb_project_lookup (project, MODULE_1));
  g_assert_nonnull (cb_project_lookup (project, REPLY_0));
  g_assert_true (cb_project_undo (project));
  g_assert_true (cb_project_lookup (project, COURSE_0) == course);
  g_assert_true (cb_project_lookup (project, MODULE_1) == module);
  g_assert_true (cb_project_redo (project));
  g_assert_null (cb_project_lookup (project, MODULE_1));
  g_assert_true (cb_project_undo (project));

  /* New records are found at once. */
  person = cb_entity_new_with_id (CB_KIND_PERSON);
  g_assert_true (g_uuid_string_is_valid (cb_entity_get_id (person)));
  g_assert_null (cb_project_lookup (project, cb_entity_get_id (person)));
  cb_entity_append_child (CB_ENTITY (project), "people", person);
  g_assert_true (cb_project_lookup (project, cb_entity_get_id (person)) == person);

  /* An id given to a record already in the project is found, and forgotten
   * again when that is undone. */
  {
    g_autoptr (CbEntity) later = cb_entity_new (CB_KIND_SKILL);

    cb_entity_append_child (CB_ENTITY (project), "skills", later);
    g_assert_true (cb_entity_set_id (later, "given-later"));
    g_assert_true (cb_project_lookup (project, "given-later") == later);
    g_assert_true (cb_project_undo (project));
    g_assert_null (cb_entity_get_id (later));
    g_assert_null (cb_project_lookup (project, "given-later"));
    g_assert_true (cb_project_redo (project));
    g_assert_true (cb_project_lookup (project, "given-later") == later);
  }

  /* A broken project with two records of one id finds the first; once
   * that is gone, the other. */
  twin = cb_entity_new (CB_KIND_PERSON);
  g_assert_true (cb_entity_set_id (twin, PERSON_0));
  cb_entity_append_child (CB_ENTITY (project), "people", twin);
  g_assert_true (cb_project_lookup (project, PERSON_0) == cb_entity_get_child (CB_ENTITY (project), "people", 0));
  cb_entity_remove_child (CB_ENTITY (project), "people", 0);
  g_assert_true (cb_project_lookup (project, PERSON_0) == twin);
  g_assert_true (cb_project_undo (project));
  g_assert_true (cb_project_lookup (project, PERSON_0) == cb_entity_get_child (CB_ENTITY (project), "people", 0));
  g_assert_true (cb_project_lookup (project, PERSON_0) != twin);
  g_assert_true (cb_project_undo (project));
  g_assert_true (cb_project_lookup (project, PERSON_0) != twin);
  g_assert_null (cb_entity_get_project (twin));
}

/* items-changed */

typedef struct
{
  GListModel *model;
  GPtrArray *shadow;  /* what a view would hold, kept by the signal alone */
  GArray *events;     /* of guint, three per emission */
} Watch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (watch->events, triple, 3);
  g_assert_cmpuint (position + removed, <=, watch->shadow->len);
  g_ptr_array_remove_range (watch->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (watch->shadow, (int) (position + i), item);
    }
}

static void
watch_check (Watch *watch)
{
  guint n = g_list_model_get_n_items (watch->model);

  g_assert_cmpuint (watch->shadow->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (watch->model, i);

      g_assert_true (item == g_ptr_array_index (watch->shadow, i));
    }
}

/* Checks that the events since the last call were exactly @expected
 * (n triples), then forgets them. */
static void
watch_expect (Watch       *watch,
              guint        n,
              const guint *expected)
{
  watch_check (watch);
  if (watch->events->len != 3 * n)
    g_error ("%u items-changed emissions, expected %u", watch->events->len / 3, n);
  for (guint i = 0; i < n; i++)
    {
      guint *got = &g_array_index (watch->events, guint, 3 * i);

      if (got[0] != expected[3 * i] || got[1] != expected[3 * i + 1] || got[2] != expected[3 * i + 2])
        g_error ("items-changed (%u, %u, %u), expected (%u, %u, %u)",
                 got[0], got[1], got[2], expected[3 * i], expected[3 * i + 1], expected[3 * i + 2]);
    }
  g_array_set_size (watch->events, 0);
}

/* A move may be told as one change over the span or as a removal and an
 * insertion; either way the shadow must match. */
static void
watch_expect_move (Watch *watch,
                   guint  from,
                   guint  to)
{
  const guint two[6] = { from, 1, 0, to, 0, 1 };
  const guint one[3] = { MIN (from, to), MAX (from, to) - MIN (from, to) + 1, MAX (from, to) - MIN (from, to) + 1 };

  if (watch->events->len == 3)
    watch_expect (watch, 1, one);
  else
    watch_expect (watch, 2, two);
}

static void
test_items_changed (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  Watch watch = { cb_entity_get_children (course, "modules"), g_ptr_array_new_with_free_func (g_object_unref),
                  g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_autoptr (CbEntity) module = cb_entity_new_with_id (CB_KIND_MODULE);
  CbEntity *first;

  for (guint i = 0; i < g_list_model_get_n_items (watch.model); i++)
    g_ptr_array_add (watch.shadow, g_list_model_get_item (watch.model, i));
  g_signal_connect (watch.model, "items-changed", G_CALLBACK (on_items_changed), &watch);
  g_assert_cmpuint (watch.shadow->len, ==, 6);

  cb_entity_insert_child (course, "modules", 2, module);
  watch_expect (&watch, 1, (guint[]) { 2, 0, 1 });
  g_assert_cmpint (cb_entity_get_position (module), ==, 2);

  first = cb_entity_get_child (course, "modules", 0);
  cb_entity_remove_child (course, "modules", 0);
  watch_expect (&watch, 1, (guint[]) { 0, 1, 0 });
  g_assert_cmpint (cb_entity_get_position (first), ==, -1);
  g_assert_cmpint (cb_entity_get_position (module), ==, 1);

  cb_entity_move_child (course, "modules", 0, 3);
  watch_expect_move (&watch, 0, 3);
  cb_entity_move_child (course, "modules", 4, 1);
  watch_expect_move (&watch, 4, 1);
  cb_entity_move_child (course, "modules", 2, 2);
  watch_expect (&watch, 0, NULL);

  cb_entity_remove (module);
  watch_expect (&watch, 1, (guint[]) { 0, 1, 0 });
  g_assert_true (cb_project_undo (project));
  watch_expect (&watch, 1, (guint[]) { 0, 0, 1 });

  g_assert_true (cb_project_undo (project));  /* move 4 → 1 */
  watch_expect_move (&watch, 1, 4);
  g_assert_true (cb_project_undo (project));  /* move 0 → 3 */
  watch_expect_move (&watch, 3, 0);
  g_assert_true (cb_project_undo (project));  /* the removal */
  watch_expect (&watch, 1, (guint[]) { 0, 0, 1 });
  g_assert_true (cb_project_undo (project));  /* the insertion */
  watch_expect (&watch, 1, (guint[]) { 2, 1, 0 });
  g_assert_true (cb_project_redo (project));
  watch_expect (&watch, 1, (guint[]) { 2, 0, 1 });

  /* Appending to a list that was empty, and to one that was absent. */
  {
    g_autoptr (CbEntity) offering = cb_entity_new_with_id (CB_KIND_OFFERING);
    CbEntity *last = cb_entity_get_child (course, "offerings", 0);
    GListModel *results = cb_entity_get_children (last, "results");
    guint n = g_list_model_get_n_items (results);
    Watch w2 = { cb_entity_get_children (offering, "results"), g_ptr_array_new_with_free_func (g_object_unref),
                 g_array_new (FALSE, FALSE, sizeof (guint)) };
    g_autoptr (CbEntity) result = cb_entity_new (CB_KIND_RESULT);

    g_assert_cmpuint (n, >, 0);
    g_signal_connect (w2.model, "items-changed", G_CALLBACK (on_items_changed), &w2);
    cb_entity_append_child (course, "offerings", offering);
    cb_entity_append_child (offering, "results", result);
    watch_expect (&w2, 1, (guint[]) { 0, 0, 1 });
    g_assert_true (cb_project_undo (project));
    watch_expect (&w2, 1, (guint[]) { 0, 1, 0 });
    g_signal_handlers_disconnect_by_data (w2.model, &w2);
    g_ptr_array_unref (w2.shadow);
    g_array_unref (w2.events);
  }

  watch_expect (&watch, 0, NULL);
  g_signal_handlers_disconnect_by_data (watch.model, &watch);
  g_ptr_array_unref (watch.shadow);
  g_array_unref (watch.events);
}

/* Notifications and CbProject::changed */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
count_changed (CbProject *project,
               guint     *counter)
{
  (*counter)++;
}

static void
test_notify (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  guint n_title = 0, n_code = 0, n_hours = 0;
  g_autofree char *title = NULL;
  g_autoptr (CbEntity) detached = cb_entity_new (CB_KIND_COURSE);
  guint n_detached = 0;

  g_signal_connect (course, "notify::title", G_CALLBACK (count_notify), &n_title);
  g_signal_connect (course, "notify::code", G_CALLBACK (count_notify), &n_code);

  cb_entity_set_string (course, "title", "Robot programming");
  g_assert_cmpuint (n_title, ==, 1);
  cb_entity_set_string (course, "title", "Robot programming");
  g_assert_cmpuint (n_title, ==, 1);
  g_object_set (course, "title", "Robot programming", NULL);
  g_assert_cmpuint (n_title, ==, 1);
  cb_entity_set_string (course, "code", "ROB1");
  g_assert_cmpuint (n_title, ==, 1);
  g_assert_cmpuint (n_code, ==, 1);

  /* Through the GObject property, as a bound widget does. */
  g_object_set (course, "title", "Robot programming I", NULL);
  g_assert_cmpuint (n_title, ==, 2);
  g_object_get (course, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Robot programming I");

  /* Undo and redo change the value, so they notify. */
  g_assert_true (cb_project_undo (project));
  g_assert_cmpuint (n_title, ==, 3);
  g_assert_cmpstr (cb_entity_get_string (course, "title"), ==, "Robot programming");
  g_assert_true (cb_project_redo (project));
  g_assert_cmpuint (n_title, ==, 4);

  cb_entity_set_string (course, "title", NULL);
  g_assert_cmpuint (n_title, ==, 5);
  g_assert_false (cb_entity_has_field (course, "title"));
  cb_entity_set_string (course, "title", NULL);
  g_assert_cmpuint (n_title, ==, 5);
  g_assert_cmpuint (n_code, ==, 1);

  /* A nested record appearing notifies its member. */
  {
    CbEntity *module = cb_entity_get_child (course, "modules", 0);

    g_assert_nonnull (cb_entity_get_object (module, "hours"));
    g_signal_connect (module, "notify::project", G_CALLBACK (count_notify), &n_hours);
    g_assert_null (cb_entity_get_object (module, "project"));
    g_assert_nonnull (cb_entity_ensure_object (module, "project"));
    g_assert_cmpuint (n_hours, ==, 1);
    cb_entity_ensure_object (module, "project");
    g_assert_cmpuint (n_hours, ==, 1);
    g_assert_true (cb_project_undo (project));
    g_assert_cmpuint (n_hours, ==, 2);
    g_assert_null (cb_entity_get_object (module, "project"));
  }

  /* Records outside a project notify too. */
  g_signal_connect (detached, "notify::credits", G_CALLBACK (count_notify), &n_detached);
  cb_entity_set_number (detached, "credits", 2);
  cb_entity_set_number (detached, "credits", 2);
  cb_entity_set_number (detached, "credits", 2.5);
  g_assert_cmpuint (n_detached, ==, 2);
}

static void
test_changed_signal (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  CbEntity *module = cb_entity_get_child (course, "modules", 0);
  guint n = 0;
  g_autoptr (CbEntity) detached = cb_entity_new_with_id (CB_KIND_MODULE);

  g_signal_connect (project, "changed", G_CALLBACK (count_changed), &n);

  cb_entity_set_string (course, "title", "A");
  g_assert_cmpuint (n, ==, 1);
  cb_entity_set_string (course, "title", "A");
  g_assert_cmpuint (n, ==, 1);
  /* Typing coalesces into one step, but every keystroke is an edit. */
  cb_entity_set_string (course, "title", "AB");
  cb_entity_set_string (course, "title", "ABC");
  g_assert_cmpuint (n, ==, 3);

  cb_project_begin_group (project, "Several");
  cb_entity_set_number (course, "credits", 5);
  cb_entity_set_int (course, "semester", 2);
  cb_project_begin_group (project, "Nested");
  cb_entity_set_string (module, "status", "draft");
  cb_project_end_group (project);
  g_assert_cmpuint (n, ==, 3);
  cb_project_end_group (project);
  g_assert_cmpuint (n, ==, 4);

  /* An empty group is no step. */
  cb_project_begin_group (project, "Nothing");
  cb_entity_set_number (course, "credits", 5);
  cb_project_end_group (project);
  g_assert_cmpuint (n, ==, 4);

  cb_entity_move_child (course, "modules", 0, 1);
  g_assert_cmpuint (n, ==, 5);
  cb_entity_remove_child (course, "modules", 1);
  g_assert_cmpuint (n, ==, 6);
  cb_entity_insert_child (course, "modules", 0, detached);
  g_assert_cmpuint (n, ==, 7);
  cb_entity_ensure_object (detached, "hours");
  g_assert_cmpuint (n, ==, 8);
  cb_entity_ensure_object (detached, "hours");
  cb_entity_unset (detached, "summary");
  cb_entity_set_strv (detached, "topics", NULL);
  g_assert_cmpuint (n, ==, 8);
  cb_entity_set_strv (detached, "topics", (const char *[]) { "a", "b", NULL });
  cb_entity_set_strv (detached, "topics", (const char *[]) { "a", "b", NULL });
  g_assert_cmpuint (n, ==, 9);
  cb_entity_unset (course, "description");
  g_assert_cmpuint (n, ==, 10);

  g_assert_true (cb_project_undo (project));
  g_assert_cmpuint (n, ==, 11);
  g_assert_true (cb_project_redo (project));
  g_assert_cmpuint (n, ==, 12);
  g_assert_false (cb_project_redo (project));
  g_assert_cmpuint (n, ==, 12);

  /* Edits of records outside the project are not the project's. */
  {
    g_autoptr (CbEntity) loose = cb_entity_new_with_id (CB_KIND_SKILL);

    cb_entity_set_string (loose, "title", "Welding");
    g_assert_cmpuint (n, ==, 12);
  }
  while (cb_project_undo (project))
    ;
  g_assert_cmpuint (n, ==, 12 + 8);  /* eight steps */
}

static void
test_dirty (void)
{
  g_autofree char *dir = test_make_dir ("dirty");
  g_autofree char *path = g_build_filename (dir, "dirty.coursebridge", NULL);
  g_autofree char *text = test_example_text ("robotics-en.coursebridge");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) project = NULL;
  CbEntity *course;
  guint n = 0;

  test_write_file (path, text, -1);
  project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cb_project_get_file (project), file));
  course = test_course (project, 0);
  g_signal_connect (project, "notify::dirty", G_CALLBACK (count_notify), &n);
  g_assert_false (cb_project_get_dirty (project));

  cb_entity_set_string (course, "title", "A");
  g_assert_true (cb_project_get_dirty (project));
  g_assert_cmpuint (n, ==, 1);
  cb_entity_set_string (course, "title", "AB");
  g_assert_cmpuint (n, ==, 1);

  g_assert_true (cb_project_save (project, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cb_project_get_dirty (project));
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (cb_project_can_undo (project));

  /* Typing after a save is a new step, so undo returns to the saved state. */
  cb_entity_set_string (course, "title", "ABC");
  g_assert_true (cb_project_get_dirty (project));
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (cb_project_undo (project));
  g_assert_cmpstr (cb_entity_get_string (course, "title"), ==, "AB");
  g_assert_false (cb_project_get_dirty (project));
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (cb_project_undo (project));
  g_assert_true (cb_project_get_dirty (project));
  g_assert_true (cb_project_redo (project));
  g_assert_false (cb_project_get_dirty (project));
  g_assert_true (cb_project_redo (project));
  g_assert_true (cb_project_get_dirty (project));
  g_assert_true (cb_project_undo (project));
  g_assert_false (cb_project_get_dirty (project));
  g_assert_cmpuint (n, ==, 8);

  /* A new edit after undoing past the save: the saved state is gone. */
  g_assert_true (cb_project_undo (project));
  cb_entity_set_int (course, "semester", 6);
  g_assert_true (cb_project_get_dirty (project));
  g_assert_true (cb_project_undo (project));
  g_assert_true (cb_project_get_dirty (project));
}

/* Duplication */

static void
collect_visit (CbEntity *entity,
               gpointer  user_data)
{
  g_ptr_array_add (user_data, entity);
}

static GPtrArray *
collect (CbEntity *entity)
{
  GPtrArray *all = g_ptr_array_new ();

  _cb_entity_visit (entity, collect_visit, all);
  return all;
}

static char *
write_entity (CbEntity *entity)
{
  GString *out = g_string_new (NULL);

  _cb_entity_write (entity, out, 0);
  return g_string_free (out, FALSE);
}

static void
assert_refs_within (CbEntity   *course,
                    const char *id,
                    CbKind      kind)
{
  CbEntity *found = NULL;
  g_autoptr (GPtrArray) all = collect (course);

  for (guint i = 0; i < all->len && found == NULL; i++)
    if (g_strcmp0 (cb_entity_get_id (g_ptr_array_index (all, i)), id) == 0)
      found = g_ptr_array_index (all, i);
  if (found == NULL)
    g_error ("reference %s does not point into the copy", id);
  g_assert_cmpint (cb_entity_get_kind (found), ==, kind);
}

static void
test_duplicate (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  g_autoptr (CbEntity) copy = cb_entity_duplicate (course);
  g_autoptr (GPtrArray) originals = collect (course);
  g_autoptr (GPtrArray) copies = collect (copy);
  g_autoptr (GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *original_text = write_entity (course);
  g_autofree char *copy_text = write_entity (copy);
  GString *mapped = g_string_new (copy_text);
  g_autoptr (GListStore) problems = NULL;
  guint n_refs = 0;

  g_assert_null (cb_entity_get_project (copy));
  g_assert_null (cb_entity_get_parent (copy));
  g_assert_cmpuint (copies->len, ==, originals->len);

  /* New, distinct ids throughout; otherwise the same records. */
  for (guint i = 0; i < copies->len; i++)
    {
      CbEntity *o = g_ptr_array_index (originals, i);
      CbEntity *c = g_ptr_array_index (copies, i);

      g_assert_cmpint (cb_entity_get_kind (o), ==, cb_entity_get_kind (c));
      if (cb_entity_get_id (o) == NULL)
        {
          g_assert_null (cb_entity_get_id (c));
          continue;
        }
      g_assert_true (g_uuid_string_is_valid (cb_entity_get_id (c)));
      g_assert_null (cb_project_lookup (project, cb_entity_get_id (c)));
      g_assert_true (g_hash_table_add (new_ids, (gpointer) cb_entity_get_id (c)));
      g_string_replace (mapped, cb_entity_get_id (c), cb_entity_get_id (o), 0);
    }
  test_assert_same_text (mapped->str, mapped->len, original_text, strlen (original_text));
  g_string_free (mapped, TRUE);

  /* References inside the course point at the copies... */
  for (guint i = 0; i < cb_entity_get_n_children (copy, "modules"); i++)
    {
      const char * const *objectives = cb_entity_get_strv (cb_entity_get_child (copy, "modules", i), "objectives");

      for (guint j = 0; objectives && objectives[j]; j++, n_refs++)
        assert_refs_within (copy, objectives[j], CB_KIND_OBJECTIVE);
    }
  for (guint i = 0; i < cb_entity_get_n_children (copy, "assessments"); i++)
    {
      CbEntity *assessment = cb_entity_get_child (copy, "assessments", i);

      for (guint j = 0; j < cb_entity_get_n_children (assessment, "targets"); j++, n_refs++)
        assert_refs_within (copy, cb_entity_get_string (cb_entity_get_child (assessment, "targets", j), "objective"),
                            CB_KIND_OBJECTIVE);
    }
  for (guint i = 0; i < cb_entity_get_n_children (copy, "offerings"); i++)
    {
      CbEntity *offering = cb_entity_get_child (copy, "offerings", i);

      for (guint j = 0; j < cb_entity_get_n_children (offering, "results"); j++, n_refs += 2)
        {
          CbEntity *result = cb_entity_get_child (offering, "results", j);

          assert_refs_within (copy, cb_entity_get_string (result, "assessment"), CB_KIND_ASSESSMENT);
          assert_refs_within (copy, cb_entity_get_string (result, "objective"), CB_KIND_OBJECTIVE);
        }
    }
  g_assert_cmpuint (n_refs, >, 20);

  /* ... and references outside it are kept. */
  g_assert_cmpstr (cb_entity_get_string (cb_entity_get_child (copy, "team", 0), "person"), ==, PERSON_0);
  g_assert_cmpstr (cb_entity_get_string (cb_entity_get_child (cb_entity_get_child (copy, "objectives", 0), "supports", 0),
                                         "indicator"), ==, INDICATOR_1_1);

  /* Inserted, the project stays valid; undo takes it out again. */
  cb_entity_insert_child (CB_ENTITY (project), "courses", 1, copy);
  g_assert_true (cb_entity_get_project (copy) == project);
  g_assert_true (cb_project_lookup (project, cb_entity_get_id (copy)) == copy);
  problems = cb_validate (project);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (problems)), ==, 0);
  g_assert_true (cb_project_undo (project));
  g_assert_null (cb_project_lookup (project, cb_entity_get_id (copy)));

  /* A module copied within its course keeps citing the course's objectives. */
  {
    CbEntity *module = cb_entity_get_child (course, "modules", 1);
    g_autoptr (CbEntity) module_copy = cb_entity_duplicate (module);

    g_assert_cmpstrv (cb_entity_get_strv (module_copy, "objectives"), cb_entity_get_strv (module, "objectives"));
    g_assert_cmpstr (cb_entity_get_id (module_copy), !=, cb_entity_get_id (module));
    g_assert_nonnull (cb_entity_get_object (module_copy, "hours"));
    g_assert_true (cb_entity_get_object (module_copy, "hours") != cb_entity_get_object (module, "hours"));
    g_assert_true (cb_entity_get_parent (cb_entity_get_object (module_copy, "hours")) == module_copy);
  }
}

/* Paths and places */

static void
assert_path (CbEntity   *entity,
             const char *expected)
{
  g_autofree char *path = cb_entity_dup_path (entity);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_paths (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *root = CB_ENTITY (project);
  CbEntity *course = test_course (project, 0);
  CbEntity *support = cb_entity_get_child (cb_entity_get_child (course, "objectives", 0), "supports", 1);
  g_autoptr (CbEntity) removed = NULL;

  assert_path (root, "");
  assert_path (cb_entity_get_child (test_course (project, 2), "modules", 0), "courses[2].modules[0]");
  assert_path (cb_entity_get_object (course, "hours"), "courses[0].hours");
  assert_path (support, "courses[0].objectives[0].supports[1]");
  assert_path (cb_entity_get_object (root, "institution"), "institution");
  assert_path (cb_entity_get_child (cb_entity_get_object (cb_entity_get_child (root, "partners", 0), "agreement"),
                                    "responsibilities", 1),
               "partners[0].agreement.responsibilities[1]");
  assert_path (cb_project_lookup (project, REPLY_0), "reviews[0].replies[0]");
  assert_path (cb_entity_get_object (cb_entity_get_child (root, "skills", 0), "source"), "skills[0].source");

  g_assert_true (cb_entity_get_parent (course) == root);
  g_assert_cmpstr (cb_entity_get_parent_field (course), ==, "courses");
  g_assert_null (cb_entity_get_parent_field (root));
  g_assert_cmpstr (cb_entity_get_parent_field (cb_entity_get_object (course, "hours")), ==, "hours");
  g_assert_true (cb_entity_get_ancestor (support, CB_KIND_COURSE) == course);
  g_assert_true (cb_entity_get_ancestor (support, CB_KIND_PROJECT) == root);
  g_assert_true (cb_entity_get_ancestor (course, CB_KIND_COURSE) == course);
  g_assert_null (cb_entity_get_ancestor (course, CB_KIND_MODULE));
  g_assert_cmpint (cb_entity_get_position (cb_entity_get_object (course, "hours")), ==, -1);
  g_assert_cmpint (cb_entity_get_position (root), ==, -1);
  g_assert_cmpint (cb_entity_get_position (support), ==, 1);

  /* Paths follow moves; removed records are on their own. */
  cb_entity_move_child (root, "courses", 0, 3);
  assert_path (support, "courses[3].objectives[0].supports[1]");
  removed = g_object_ref (test_course (project, 0));
  cb_entity_remove (removed);
  assert_path (removed, "");
  assert_path (cb_entity_get_child (removed, "modules", 1), "modules[1]");
  g_assert_null (cb_entity_get_parent (removed));
  g_assert_null (cb_entity_get_project (removed));
  g_assert_null (cb_entity_get_project (cb_entity_get_child (removed, "modules", 1)));
  assert_path (support, "courses[2].objectives[0].supports[1]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/model/lookup", test_lookup);
  g_test_add_func ("/core/model/items-changed", test_items_changed);
  g_test_add_func ("/core/model/notify", test_notify);
  g_test_add_func ("/core/model/changed-signal", test_changed_signal);
  g_test_add_func ("/core/model/dirty", test_dirty);
  g_test_add_func ("/core/model/duplicate", test_duplicate);
  g_test_add_func ("/core/model/paths", test_paths);

  return g_test_run ();
}
