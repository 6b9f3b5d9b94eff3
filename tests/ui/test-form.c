/* test-form.c: CbForm with real widgets, under a display
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cb-test-form"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cb-form.h"
#include "cb-synth.h"
#include "cb-ref-picker.h"

typedef struct
{
  CbProject *project;
  CbEntity *course;
  GtkWidget *window;
  GtkWidget *overlay;
  CbForm *form;
  CbEntity *activated;
  guint n_activated;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CbProject *
load_example (gboolean read_only)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "robotics-en.coursebridge", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  CbProject *project;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  if (read_only)
    {
      /* A file of a newer format opens read-only. */
      char *version = strstr (contents, "\"format_version\": 1");

      g_assert_nonnull (version);
      version[strlen ("\"format_version\": ")] = '9';
    }
  project = cb_project_load_from_data (contents, length,
                                       read_only ? CB_LOAD_ALLOW_NEWER : CB_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (cb_project_get_read_only (project) == read_only);
  return project;
}

static void
on_activate_child (CbForm   *form,
                   CbEntity *child,
                   Fixture  *fixture)
{
  fixture->activated = child;
  fixture->n_activated++;
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  fixture->project = load_example (GPOINTER_TO_INT (data));
  fixture->course = cb_entity_get_child (CB_ENTITY (fixture->project), "courses", 0);
  g_assert_nonnull (fixture->course);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 800);
  fixture->overlay = adw_toast_overlay_new ();
  fixture->form = CB_FORM (cb_form_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->form));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  g_signal_connect (fixture->form, "activate-child", G_CALLBACK (on_activate_child), fixture);
  cb_form_set_entity (fixture->form, fixture->course);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->form), (gpointer *) &fixture->form);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  /* Nothing the form built keeps it or the project alive. */
  g_assert_null (fixture->form);
  g_assert_finalize_object (fixture->project);
}

/* Widget lookup */

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
match_name (GtkWidget     *widget,
            gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
match_member (GtkWidget     *widget,
              gconstpointer  member)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (widget), "cb-form-member"), member) == 0;
}

static gboolean
match_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
match_label_containing (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static GtkWidget *
get_row (Fixture    *fixture,
         const char *field)
{
  GtkWidget *row = cb_form_get_row_for_field (fixture->form, field);

  g_assert_nonnull (row);
  return row;
}

static GtkListBox *
get_children_list (Fixture    *fixture,
                   const char *field)
{
  GtkWidget *list = find_widget (get_row (fixture, field), match_name, "cb-form-children");

  g_assert_true (GTK_IS_LIST_BOX (list));
  return GTK_LIST_BOX (list);
}

static GtkWidget *
row_at (GtkListBox *list,
        int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static GtkWidget *
get_spin (Fixture    *fixture,
          const char *field)
{
  GtkWidget *spin = find_widget (get_row (fixture, field), match_type,
                                 GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON));

  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  return spin;
}

static guint
enum_position (CbEntity   *entity,
               const char *field,
               const char *value)
{
  const CbFieldDef *def = &cb_entity_get_kind_def (entity)->fields[cb_kind_find_field (
                            cb_entity_get_kind (entity), field)];

  for (guint i = 0; def->values[i] != NULL; i++)
    if (strcmp (def->values[i], value) == 0)
      return i + 1;  /* after "Not set" */
  g_assert_not_reached ();
}

/* Tests */

static void
test_string (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *row = get_row (fixture, "title");
  g_autofree char *old = g_strdup (cb_entity_get_string (fixture->course, "title"));

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old);
  g_assert_false (cb_project_can_undo (fixture->project));

  /* Typing is one undo step. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Robot");
  gtk_editable_set_text (GTK_EDITABLE (row), "Robot Operation");
  g_assert_cmpstr (cb_entity_get_string (fixture->course, "title"), ==, "Robot Operation");
  g_assert_true (cb_project_can_undo (fixture->project));

  g_assert_true (cb_project_undo (fixture->project));
  g_assert_false (cb_project_can_undo (fixture->project));
  g_assert_cmpstr (cb_entity_get_string (fixture->course, "title"), ==, old);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old);

  /* Emptying the field removes the member, once the change is over. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  iterate ();
  g_assert_null (cb_entity_get_string (fixture->course, "title"));

  /* Other members are not shown twice: hidden ones not at all. */
  g_assert_null (cb_form_get_row_for_field (fixture->form, "id"));
}

static void
test_enum (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *row = get_row (fixture, "category");
  GListModel *model;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_assert_cmpstr (cb_entity_get_string (fixture->course, "category"), ==, "required");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                    enum_position (fixture->course, "category", "required"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              enum_position (fixture->course, "category", "elective"));
  g_assert_cmpstr (cb_entity_get_string (fixture->course, "category"), ==, "elective");
  g_assert_true (cb_project_undo (fixture->project));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                    enum_position (fixture->course, "category", "required"));

  /* A value the format does not know is shown as it is and kept. */
  cb_entity_set_string (fixture->course, "category", "seminar");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 4);
  g_assert_cmpstr (cb_entity_get_string (fixture->course, "category"), ==, "seminar");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_null (cb_entity_get_string (fixture->course, "category"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

static void
test_number (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *spin = get_spin (fixture, "credits");
  GtkWidget *semester = get_spin (fixture, "semester");
  GtkWidget *theory = get_spin (fixture, "hours.theory");

  g_assert_cmpfloat (cb_entity_get_number (fixture->course, "credits"), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "4");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5.5);
  g_assert_cmpfloat (cb_entity_get_number (fixture->course, "credits"), ==, 5.5);
  g_assert_true (cb_project_undo (fixture->project));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "4");

  /* An absent member shows an empty field. */
  cb_entity_unset (fixture->course, "semester");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (semester)), ==, "");
  g_assert_true (cb_project_undo (fixture->project));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (semester)), ==, "3");

  /* Members of a nested record are edited in its group. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (theory), 30);
  g_assert_cmpfloat (cb_entity_get_number (cb_entity_get_object (fixture->course, "hours"),
                                           "theory"), ==, 30);
}

static void
test_add_module (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *modules = cb_entity_get_children (fixture->course, "modules");
  guint n = g_list_model_get_n_items (modules);
  GtkListBox *list = get_children_list (fixture, "modules");
  GtkWidget *add = find_widget (get_row (fixture, "modules"), match_name, "cb-form-add");
  g_autoptr (CbEntity) last = NULL;

  g_assert_cmpuint (count_rows (list), ==, n);
  g_assert_true (GTK_IS_BUTTON (add));
  g_signal_emit_by_name (add, "clicked");

  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, n + 1);
  g_assert_cmpuint (count_rows (list), ==, n + 1);
  last = g_list_model_get_item (modules, n);
  g_assert_nonnull (cb_entity_get_id (last));
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_true (fixture->activated == last);

  /* One step, undone at once. */
  g_assert_true (cb_project_undo (fixture->project));
  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, n);
  g_assert_cmpuint (count_rows (list), ==, n);

  /* Opening a module's row asks for its page. */
  adw_action_row_activate (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 1)));
  g_assert_cmpuint (fixture->n_activated, ==, 2);
  g_assert_true (fixture->activated == cb_entity_get_child (fixture->course, "modules", 1));
}

static void
test_remove_module (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *modules = cb_entity_get_children (fixture->course, "modules");
  guint n = g_list_model_get_n_items (modules);
  GtkListBox *list = get_children_list (fixture, "modules");
  CbEntity *second = cb_entity_get_child (fixture->course, "modules", 1);
  g_autofree char *title = g_strdup (cb_entity_get_display_name (second));
  GtkWidget *toast;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)),
                                             "row.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, n - 1);
  g_assert_cmpuint (count_rows (list), ==, n - 1);
  toast = find_widget (fixture->overlay, match_label_containing, "removed");
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (toast)), title));

  g_assert_true (cb_project_undo (fixture->project));
  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, n);
  g_assert_cmpuint (count_rows (list), ==, n);
  g_assert_true (cb_entity_get_child (fixture->course, "modules", 1) == second);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_list_box_get_row_at_index (list, 1))), ==, title);
}

static void
test_move_module (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkListBox *list = get_children_list (fixture, "modules");
  CbEntity *first = cb_entity_get_child (fixture->course, "modules", 0);
  CbEntity *second = cb_entity_get_child (fixture->course, "modules", 1);
  CbEntity *copy;

  g_assert_true (gtk_widget_activate_action (row_at (list, 0), "row.move-down", NULL));
  g_assert_true (cb_entity_get_child (fixture->course, "modules", 0) == second);
  g_assert_true (cb_entity_get_child (fixture->course, "modules", 1) == first);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_list_box_get_row_at_index (list, 0))), ==,
                   cb_entity_get_display_name (second));

  /* Dropping a row on another moves its record there. */
  {
    GtkWidget *target_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2));
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (target_row);
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !dropped; i++)
      {
        g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          {
            g_value_init (&value, CB_TYPE_ENTITY);
            g_value_set_object (&value, first);
            g_signal_emit_by_name (controller, "drop", &value, 1.0, 1.0, &dropped);
            g_value_unset (&value);
          }
      }
    g_assert_true (dropped);
    iterate ();
    g_assert_true (cb_entity_get_child (fixture->course, "modules", 2) == first);
    g_assert_true (cb_project_undo (fixture->project));
    g_assert_true (cb_entity_get_child (fixture->course, "modules", 1) == first);
  }

  /* The first row cannot move up. */
  gtk_widget_activate_action (row_at (list, 0), "row.move-up", NULL);
  g_assert_true (cb_entity_get_child (fixture->course, "modules", 0) == second);

  /* Duplicating inserts a copy after the record, as one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                             "row.duplicate", NULL));
  g_assert_cmpuint (cb_entity_get_n_children (fixture->course, "modules"), ==, count_rows (list));
  copy = cb_entity_get_child (fixture->course, "modules", 1);
  g_assert_cmpstr (cb_entity_get_display_name (copy), ==, cb_entity_get_display_name (second));
  g_assert_true (cb_project_undo (fixture->project));
  g_assert_true (cb_entity_get_child (fixture->course, "modules", 1) == first);
}

static void
test_support_inline (Fixture       *fixture,
                     gconstpointer  data)
{
  CbEntity *objective = cb_entity_get_child (fixture->course, "objectives", 0);
  CbEntity *support = cb_entity_get_child (objective, "supports", 0);
  GtkWidget *row;
  GtkWidget *strength;
  GtkWidget *indicator;
  CbRefItem *item;

  cb_form_set_entity (fixture->form, objective);
  g_assert_true (cb_form_get_entity (fixture->form) == objective);
  row = row_at (get_children_list (fixture, "supports"), 0);
  strength = find_widget (row, match_member, "strength");
  indicator = find_widget (row, match_member, "indicator");
  g_assert_true (GTK_IS_DROP_DOWN (strength));
  g_assert_true (GTK_IS_DROP_DOWN (indicator));

  g_assert_cmpstr (cb_entity_get_string (support, "strength"), ==, "H");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (strength), enum_position (support, "strength", "L"));
  g_assert_cmpstr (cb_entity_get_string (support, "strength"), ==, "L");
  g_assert_true (cb_project_undo (fixture->project));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (strength)), ==,
                    enum_position (support, "strength", "H"));

  /* The indicator shows the one the support names. */
  g_assert_cmpstr (cb_ref_item_get_id (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (indicator))),
                   ==, cb_entity_get_string (support, "indicator"));

  /* A dangling id is shown as missing and kept. */
  cb_entity_set_string (support, "indicator", "no-such-indicator");
  item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (indicator));
  g_assert_true (cb_ref_item_is_missing (item));
  g_assert_cmpstr (cb_entity_get_string (support, "indicator"), ==, "no-such-indicator");
}

static void
test_assessment_sum (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (get_row (fixture, "assessments"));
  CbEntity *assessment = cb_entity_get_child (fixture->course, "assessments", 0);
  const char *description = adw_preferences_group_get_description (group);
  GtkWidget *label;
  double weight = cb_entity_get_number (assessment, "weight");

  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, "100"));
  g_assert_cmpstr (description, ==, "Weights add up to 100 % of 100 %");

  /* Live, with a warning when the sum is off. */
  cb_entity_set_number (assessment, "weight", weight + 5);
  description = adw_preferences_group_get_description (group);
  g_assert_cmpstr (description, ==, "Weights add up to 105 % of 100 %");
  label = find_widget (GTK_WIDGET (group), match_label_containing, "105");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "warning"));
  g_assert_true (cb_project_undo (fixture->project));
  g_assert_false (gtk_widget_has_css_class (label, "warning"));

  /* The hours group compares with the modules' hours. */
  group = ADW_PREFERENCES_GROUP (get_row (fixture, "hours"));
  description = adw_preferences_group_get_description (group);
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description, "Modules: "));

  /* Each objective's shares over the assessments, live. */
  group = ADW_PREFERENCES_GROUP (get_row (fixture, "objectives"));
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==,
                   "The assessments measure every objective to 100 %");
  {
    CbEntity *target = cb_entity_get_child (assessment, "targets", 0);
    CbEntity *objective = cb_project_lookup (fixture->project, cb_entity_get_string (target, "objective"));
    double share = cb_entity_get_number (target, "weight");
    g_autofree char *expected = NULL;

    cb_entity_set_number (target, "weight", share - 10);
    expected = g_strdup_printf ("Measured by the assessments, of 100 %%: %s 90 %%",
                                cb_entity_get_display_name (objective));
    g_assert_cmpstr (adw_preferences_group_get_description (group), ==, expected);
    g_assert_true (cb_project_undo (fixture->project));
    g_assert_cmpstr (adw_preferences_group_get_description (group), ==,
                     "The assessments measure every objective to 100 %");
  }
}

static void
test_module_skills (Fixture       *fixture,
                    gconstpointer  data)
{
  CbEntity *module = cb_entity_get_child (fixture->course, "modules", 0);
  CbEntity *module_skill = cb_entity_get_child (module, "skills", 0);
  guint n_skills = cb_entity_get_n_children (CB_ENTITY (fixture->project), "skills");
  GtkWidget *row;
  GtkWidget *skill;
  GListModel *model;
  CbRefItem *selected;

  cb_form_set_entity (fixture->form, module);
  iterate ();
  row = row_at (get_children_list (fixture, "skills"), 0);
  skill = find_widget (row, match_member, "skill");
  g_assert_true (GTK_IS_DROP_DOWN (skill));
  g_assert_true (GTK_IS_DROP_DOWN (find_widget (row, match_member, "level")));

  /* "None", then every skill of the project. */
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (skill));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1 + n_skills);
  for (guint i = 0; i < n_skills; i++)
    {
      g_autoptr (CbRefItem) item = g_list_model_get_item (model, i + 1);

      g_assert_true (cb_ref_item_get_entity (item) ==
                     cb_entity_get_child (CB_ENTITY (fixture->project), "skills", i));
    }
  selected = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (skill));
  g_assert_cmpstr (cb_ref_item_get_id (selected), ==, cb_entity_get_string (module_skill, "skill"));

  /* Choosing another skill sets the reference. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (skill), n_skills);
  g_assert_cmpstr (cb_entity_get_string (module_skill, "skill"), ==,
                   cb_entity_get_id (cb_entity_get_child (CB_ENTITY (fixture->project), "skills",
                                                          n_skills - 1)));

  /* A module's lists of strings and of ids are expander rows. */
  g_assert_true (ADW_IS_EXPANDER_ROW (get_row (fixture, "topics")));
  g_assert_true (ADW_IS_EXPANDER_ROW (get_row (fixture, "partners")));
  row = get_row (fixture, "methods");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "lecture"));
}

static void
test_hidden_and_focus (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const hidden[] = { "description", "modules", NULL };
  GtkWidget *row;
  GtkWidget *focus;

  cb_form_set_hidden_fields (fixture->form, hidden);
  g_assert_true (g_strv_equal (cb_form_get_hidden_fields (fixture->form), hidden));
  g_assert_null (cb_form_get_row_for_field (fixture->form, "description"));
  g_assert_null (cb_form_get_row_for_field (fixture->form, "modules"));
  g_assert_false (cb_form_focus_field (fixture->form, "description"));
  g_assert_false (cb_form_focus_field (fixture->form, NULL));

  row = get_row (fixture, "code");
  g_assert_true (cb_form_focus_field (fixture->form, "code"));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));

  /* A list takes the focus in its first row. */
  g_assert_true (cb_form_focus_field (fixture->form, "textbooks"));
  iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == row_at (get_children_list (fixture, "textbooks"), 0));

  /* A nested record in its first member. */
  g_assert_true (cb_form_focus_field (fixture->form, "hours"));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, get_row (fixture, "hours.theory")));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkListBox *list = get_children_list (fixture, "modules");

  g_assert_false (gtk_widget_get_sensitive (get_row (fixture, "title")));
  g_assert_false (gtk_widget_get_sensitive (get_row (fixture, "category")));
  g_assert_false (gtk_widget_get_sensitive (get_spin (fixture, "credits")));
  g_assert_false (gtk_widget_get_sensitive (find_widget (get_row (fixture, "modules"), match_name,
                                                         "cb-form-add")));
  /* The row's actions are disabled. */
  gtk_widget_activate_action (row_at (list, 0), "row.remove", NULL);
  g_assert_false (cb_project_can_undo (fixture->project));
  g_assert_cmpuint (count_rows (list), ==, cb_entity_get_n_children (fixture->course, "modules"));

  /* Records can still be opened to be read. */
  adw_action_row_activate (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_cmpuint (fixture->n_activated, ==, 1);
}

static void
test_many_modules (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 start, built;

  /* A course of twenty modules builds at once. */
  cb_project_begin_group (fixture->project, NULL);
  while (cb_entity_get_n_children (fixture->course, "modules") < 20)
    {
      CbEntity *first = cb_entity_get_child (fixture->course, "modules", 0);
      g_autoptr (CbEntity) copy = cb_entity_duplicate (first);

      cb_entity_append_child (fixture->course, "modules", copy);
    }
  cb_project_end_group (fixture->project);

  cb_form_set_entity (fixture->form, NULL);
  g_assert_null (cb_form_get_row_for_field (fixture->form, "title"));
  start = g_get_monotonic_time ();
  cb_form_set_entity (fixture->form, fixture->course);
  built = g_get_monotonic_time ();
  iterate ();
  g_test_message ("A course of 20 modules: built in %.1f ms, shown in %.1f ms",
                  (built - start) / 1000.0, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (count_rows (get_children_list (fixture, "modules")), ==, 20);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_markup (Fixture       *fixture,
             gconstpointer  data)
{
  CbEntity *module = cb_entity_get_child (fixture->course, "modules", 0);
  const char *partner_id = cb_entity_get_strv (module, "partners")[0];
  CbEntity *partner = cb_project_lookup (fixture->project, partner_id);
  CbEntity *member = cb_entity_get_child (fixture->course, "team", 0);
  CbEntity *lead = cb_project_lookup (fixture->project, cb_entity_get_string (member, "person"));
  GtkWidget *row;

  /* Names are text, never markup, in every widget that shows them. */
  cb_entity_set_string (partner, "name", "R&D <Lab> & Co");
  cb_entity_set_string (lead, "name", "Ann & <b>Bob</b>");
  cb_entity_set_string (module, "title", "Safety & <i>cells</i>");
  cb_entity_set_string (fixture->course, "title", "Robots & <Co>");
  iterate ();
  row = row_at (get_children_list (fixture, "modules"), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Safety & <i>cells</i>");
  gtk_widget_activate_action (row, "row.remove", NULL);
  iterate ();
  g_assert_nonnull (find_widget (fixture->overlay, match_label_containing,
                                 "Safety & <i>cells</i>"));
  g_assert_true (cb_project_undo (fixture->project));

  cb_form_set_entity (fixture->form, module);
  iterate ();
  row = get_row (fixture, "partners");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  iterate ();
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "R&D <Lab> & Co"));

  /* Adding from the picker appends the id. The picker is made when the
   * Add button first opens it. */
  {
    GtkWidget *add_button = find_widget (row, match_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
    GtkWidget *picker;
    GListModel *offered;

    g_assert_nonnull (add_button);
    g_assert_null (find_widget (row, match_type, GSIZE_TO_POINTER (CB_TYPE_REF_PICKER)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (add_button));
    iterate ();
    picker = find_widget (row, match_type, GSIZE_TO_POINTER (CB_TYPE_REF_PICKER));
    g_autoptr (CbRefItem) item = NULL;
    guint n = g_strv_length ((char **) cb_entity_get_strv (module, "partners"));

    g_assert_nonnull (picker);
    offered = cb_ref_picker_get_filtered (CB_REF_PICKER (picker));
    /* Partners named already are not offered again. */
    g_assert_cmpuint (g_list_model_get_n_items (offered), ==,
                      cb_entity_get_n_children (CB_ENTITY (fixture->project), "partners") - n);
    item = g_list_model_get_item (offered, 0);
    g_signal_emit_by_name (picker, "picked", item);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (add_button));
    iterate ();
    g_assert_cmpuint (g_strv_length ((char **) cb_entity_get_strv (module, "partners")), ==, n + 1);
    g_assert_cmpstr (cb_entity_get_strv (module, "partners")[n], ==, cb_ref_item_get_id (item));
  }

  /* Strings: one row per item, and a row that adds one. */
  {
    GtkWidget *topics = get_row (fixture, "topics");
    guint n = g_strv_length ((char **) cb_entity_get_strv (module, "topics"));
    GtkWidget *add = find_widget (topics, match_label_containing, "Add");

    g_assert_nonnull (add);
    add = gtk_widget_get_ancestor (add, ADW_TYPE_ENTRY_ROW);
    gtk_editable_set_text (GTK_EDITABLE (add), "Fences & <gates>");
    g_signal_emit_by_name (add, "apply");
    g_assert_cmpuint (g_strv_length ((char **) cb_entity_get_strv (module, "topics")), ==, n + 1);
    g_assert_cmpstr (cb_entity_get_strv (module, "topics")[n], ==, "Fences & <gates>");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");

    /* Editing an item, then emptying it, which takes it out. */
    {
      GtkWidget *item = find_widget (topics, match_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));

      gtk_editable_set_text (GTK_EDITABLE (item), "Robot kinds");
      g_signal_emit_by_name (item, "apply");
      g_assert_cmpstr (cb_entity_get_strv (module, "topics")[0], ==, "Robot kinds");
      gtk_editable_set_text (GTK_EDITABLE (item), "");
      g_signal_emit_by_name (item, "apply");
      g_assert_cmpuint (g_strv_length ((char **) cb_entity_get_strv (module, "topics")), ==, n);
      g_assert_true (cb_project_undo (fixture->project));
      g_assert_cmpstr (cb_entity_get_strv (module, "topics")[0], ==, "Robot kinds");
    }
  }
}

/* A reference among thousands of candidates (a real program's skill
 * catalogue) is a button with a search popover made when first opened, not
 * a drop-down over every candidate. */
static void
test_large_candidates (void)
{
  CbSynthSize size = { 2, 3, 500, 2, 2, 2, 7 };
  g_autoptr (CbProject) project = cb_synth_project (&size);
  CbEntity *course = cb_entity_get_child (CB_ENTITY (project), "courses", 0);
  CbEntity *module = cb_entity_get_child (course, "modules", 0);
  CbEntity *mapping = cb_entity_get_child (module, "skills", 0);
  CbEntity *wanted = cb_entity_get_child (CB_ENTITY (project), "skills", 321);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *form = cb_form_new ();
  GtkWidget *group;
  GtkWidget *button;
  GtkWidget *picker;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), form);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  cb_form_set_entity (CB_FORM (form), module);
  iterate ();

  group = cb_form_get_row_for_field (CB_FORM (form), "skills");
  g_assert_nonnull (group);
  button = find_widget (group, match_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  g_assert_null (find_widget (group, match_type, GSIZE_TO_POINTER (CB_TYPE_REF_PICKER)));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  picker = find_widget (group, match_type, GSIZE_TO_POINTER (CB_TYPE_REF_PICKER));
  g_assert_nonnull (picker);

  /* Searching narrows the 500 skills; picking one sets the mapping's skill. */
  cb_ref_picker_set_search (CB_REF_PICKER (picker), cb_entity_get_string (wanted, "code"));
  iterate ();
  {
    GListModel *offered = cb_ref_picker_get_filtered (CB_REF_PICKER (picker));
    g_autoptr (CbRefItem) item = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (offered), >=, 1);
    g_assert_cmpuint (g_list_model_get_n_items (offered), <, 500);
    item = g_list_model_get_item (offered, 0);
    g_assert_true (cb_ref_item_get_entity (item) == wanted);
    g_signal_emit_by_name (picker, "picked", item);
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  iterate ();
  g_assert_cmpstr (cb_entity_get_string (mapping, "skill"), ==, cb_entity_get_id (wanted));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: without the system's XDG_DATA_DIRS,
   * gdk-pixbuf finds no MIME database and cannot load the SVG icons of
   * expander rows. The form writes no files. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the UI tests (run them under xvfb-run)\n");
      return 77;
    }
  adw_init ();

#define ADD(path, func, read_only) \
  g_test_add ("/ui/form/" path, Fixture, GINT_TO_POINTER (read_only), setup, func, teardown)
  ADD ("string", test_string, FALSE);
  ADD ("enum", test_enum, FALSE);
  ADD ("number", test_number, FALSE);
  ADD ("list/add", test_add_module, FALSE);
  ADD ("list/remove", test_remove_module, FALSE);
  ADD ("list/move", test_move_module, FALSE);
  ADD ("mapping/support", test_support_inline, FALSE);
  ADD ("mapping/module-skill", test_module_skills, FALSE);
  ADD ("sums", test_assessment_sum, FALSE);
  ADD ("hidden-and-focus", test_hidden_and_focus, FALSE);
  ADD ("read-only", test_read_only, TRUE);
  ADD ("markup", test_markup, FALSE);
  ADD ("many-modules", test_many_modules, FALSE);
#undef ADD
  g_test_add_func ("/ui/form/large-candidates", test_large_candidates);

  return g_test_run ();
}
