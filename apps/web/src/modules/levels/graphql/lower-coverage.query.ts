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
      }
      lowers {
        tenantId
        name
        covered
        share
        refreshedAt
      }
      cells {
        keyPointId
        lowerTenantId
        counts {
          keyPoints
          tasks
          red
          doneShare
          overdue
        }
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
