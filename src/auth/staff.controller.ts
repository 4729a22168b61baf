import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from './auth.decorators';
import { CreateStaffDto } from './dto/create-staff.dto';
import { UpdateStaffDto } from './dto/update-staff.dto';
import { StaffService, StaffView } from './staff.service';

@ApiTags('staff')
@Roles('admin')
@Controller('api/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account (409 EMAIL_TAKEN when the email exists).' })
  create(@Body() body: CreateStaffDto): Promise<StaffView> {
    return this.staff.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'All staff accounts, oldest first.' })
  list(): Promise<StaffView[]> {
    return this.staff.list();
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change role, name, active, maxConcurrentChats or password (409 LAST_ADMIN).',
  })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateStaffDto,
  ): Promise<StaffView> {
    return this.staff.update(id, body);
  }
}
