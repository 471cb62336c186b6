import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Connection } from '../../common/pagination.js';
import type { Viewer } from '../../common/viewer.js';
import { checkIds, UnitLoader, UnitModel } from '../unit/index.js';
import { AccountIssueService } from './accounts/account-issue.service.js';
import { CreateUserResultModel, IssuedAccountModel } from './dto/create-user-result.model.js';
import { CreateUserInput, UpdateUserInput, UserFilterInput, UserSortEnum, type UserSort } from './dto/user.input.js';
import { UserConnection, UserModel } from './dto/user.model.js';
import { UserService } from './user.service.js';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly unitLoader: UnitLoader,
    private readonly accounts: AccountIssueService,
  ) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'SECURITY_ADMIN')
  @Query(() => UserConnection, { description: 'People of the tenant, by username' })
  users(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { nullable: true }) filter?: UserFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('sort', { type: () => UserSortEnum, nullable: true }) sort?: UserSort,
    @Args('descending', { nullable: true }) descending?: boolean,
  ): Promise<Connection<UserModel>> {
    return this.userService.list(viewer, filter, first, after, sort ?? 'USERNAME', descending ?? false);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => CreateUserResultModel)
  createUser(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateUserInput): Promise<CreateUserResultModel> {
    return this.userService.create(viewer, input);
  }

  @Roles('OFFICE_ADMIN', 'SECURITY_ADMIN')
  @Mutation(() => UserModel, {
    description:
      'Changes the given fields; nobody can deactivate or change the role of themselves. 三员分立: the security admin grants the 三员 roles and manages the security roles’ accounts, the system admin everything else',
  })
  updateUser(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateUserInput,
  ): Promise<UserModel> {
    return this.userService.update(viewer, id, version, input);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => [IssuedAccountModel], {
    description: 'A liaison account for every active unit without one; the first passwords are returned this once',
  })
  createMissingLiaisons(
    @CurrentViewer() viewer: Viewer,
    @Args('unitIds', {
      type: () => [ID],
      nullable: true,
      description: 'Only these units (those the office saw listed); default: every unit without one',
    })
    unitIds?: string[] | null,
  ): Promise<IssuedAccountModel[]> {
    return this.accounts.liaisonsForUncovered(viewer, unitIds ? checkIds(unitIds) : null);
  }

  @ResolveField(() => UnitModel, { nullable: true })
  unit(
    @Parent() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: object,
  ): Promise<UnitModel | null> | null {
    return user.unitId ? this.unitLoader.byId(req, viewer).load(user.unitId) : null;
  }
}
