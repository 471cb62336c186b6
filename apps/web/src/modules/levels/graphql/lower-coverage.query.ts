import { graphql } from '../../../generated';

// What the page shows, and no more (a province's answer is 300 key points × 16 cities): counts. The
// overdue units' names, most of its bytes, are named from the drill-down when a row is expanded; the
// xlsx and the 通报 still name them (the server's own read).
export const LowerCoverageQuery = graphql(`
  query LowerCoverage($year: Int) {
    lowerCoverage(year: $year) {
      year
      points {
        keyPointId
        label
        title
        coveredBy
        counts {
          ...LowerRollupCountsParts
        }
        lowerKeyPoints
        lowerTasks
        lowerRed
        lowerDone
        lowerOverdue
      }
      lowers {
        tenantId
        name
        covered
        share
      }
    }
  }

  fragment LowerRollupCountsParts on LowerRollupCounts {
    tasks
    green
    yellow
    red
    doneShare
    overdue
    overdueUnitCount
    lastReportOn
  }
`);
