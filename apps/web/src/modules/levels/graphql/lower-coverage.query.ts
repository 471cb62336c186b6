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
        keyPoints
        tasks
        green
        yellow
        red
        done
        doneShare
        overdue
        overdueUnits
        lastReportOn
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
        keyPoints
        tasks
        green
        yellow
        red
        done
        doneShare
        overdue
        overdueUnits
        lastReportOn
      }
    }
  }
`);
