package cn.hlj.remoteeval.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The saved Tasklist filters everybody finds on first login. One set serves every group: the
 * queries name the signed-in person and their groups by expression, and the engine's task
 * authorizations keep each person to their own center's tasks. Kept up to date at every start.
 */
@Component
class TaskFilters {

    static final String MINE = "我的任务";
    static final String CENTER = "本中心待办";
    static final String DUE_SOON = "即将到期";
    static final String OVERDUE = "已超期";
    /** Filters of earlier versions, replaced by the four above. */
    private static final List<String> RETIRED = List.of("我的待办");
    private static final String RETIRED_GROUP_PREFIX = "本组待办（";
    private static final String MY_GROUPS = "${currentUserGroups()}";
    /** "Due soon" looks this far ahead: the reminder of a 5-working-day term fires on its 3rd day. */
    static final String DUE_SOON_HORIZON = "${dateTime().plusDays(3).toDate()}";

    private final FilterService filters;
    private final TaskService tasks;

    TaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** Creates or updates the four filters and retires the old ones; answers their ids. */
    List<String> ensureSavedFilters() {
        retireOldFilters();
        Map<String, Definition> definitions = new LinkedHashMap<>();
        definitions.put(MINE, new Definition(-20, "分配给我本人、需要我办理的任务",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()));
        definitions.put(CENTER, new Definition(-10, "本中心（本人所在岗位）的全部待办任务，含同事已认领的",
                myGroups().orderByDueDate().asc()));
        definitions.put(DUE_SOON, new Definition(0, "三日内到期、尚未超期的待办任务",
                myGroups().dueAfterExpression("${now()}").dueBeforeExpression(DUE_SOON_HORIZON)
                        .orderByDueDate().asc()));
        definitions.put(OVERDUE, new Definition(10, "已超过期限仍未办理的任务",
                myGroups().dueBeforeExpression("${now()}").orderByDueDate().asc()));
        List<String> ids = new ArrayList<>();
        definitions.forEach((name, definition) -> ids.add(save(name, definition)));
        return ids;
    }

    private TaskQuery myGroups() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
    }

    private String save(String name, Definition definition) {
        List<Filter> existing = filters.createTaskFilterQuery().filterName(name).list();
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
        for (int i = 1; i < existing.size(); i++) {
            filters.deleteFilter(existing.get(i).getId());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", definition.priority());
        properties.put("description", definition.description());
        properties.put("refresh", true);
        filter.setQuery(definition.query()).setProperties(properties);
        return filters.saveFilter(filter).getId();
    }

    private void retireOldFilters() {
        for (Filter filter : filters.createTaskFilterQuery().list()) {
            if (RETIRED.contains(filter.getName()) || filter.getName().startsWith(RETIRED_GROUP_PREFIX)) {
                filters.deleteFilter(filter.getId());
            }
        }
    }

    private record Definition(int priority, String description, TaskQuery query) {
    }
}
