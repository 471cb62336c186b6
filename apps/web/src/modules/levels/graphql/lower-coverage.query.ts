import { graphql } from '../../../generated';

export const LowerCoverageQuery = graphql(`
  query LowerCoverage($year: Int) {
    lowerCoverage(year: $year) {
      year
      points {
        keyPointId
        label
        title
        sectionTitle
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
        refreshedAt
      }
    }
  }

  fragment LowerRollupCountsParts on LowerRollupCounts {
    keyPoints
    tasks
    green
    yellow
    red
    done
    doneShare
    overdue
    overdueUnits
    overdueUnitCount
    lastReportOn
  }
`);
