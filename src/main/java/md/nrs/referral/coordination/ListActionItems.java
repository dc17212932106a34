package md.nrs.referral.coordination;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The action item rows the coordinators filled in (an agency named), as the collection of one task each. */
@Component("listActionItems")
public class ListActionItems implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ArrayList<String> rows = new ArrayList<>();
    for (int row = 1; row <= CoordinationMeetingProcess.ACTION_ITEM_ROWS; row++) {
      String agency = CoordinationMeetingProcess.actionItemAgency(row).get(execution);
      if (agency != null && !agency.isBlank()) {
        rows.add(String.valueOf(row));
      }
    }
    CoordinationMeetingProcess.ACTION_ITEMS.set(execution, rows);
    CoordinationMeetingProcess.ACTION_ITEMS_AGREED.set(execution, !rows.isEmpty());
  }
}
