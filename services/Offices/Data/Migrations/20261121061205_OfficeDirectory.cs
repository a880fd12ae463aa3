using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Offices.Data.Migrations
{
    /// <inheritdoc />
    public partial class OfficeDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Accessibility",
                table: "Offices",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Offices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "Offices",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "FieldsOfAction",
                table: "Offices",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Funding",
                table: "Offices",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Languages",
                table: "Offices",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Offices",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Offices",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Partners",
                table: "Offices",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "ProjectArea",
                table: "Offices",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Offices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offices_FieldsOfAction",
                table: "Offices",
                column: "FieldsOfAction")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_Languages",
                table: "Offices",
                column: "Languages")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Offices_ClosedAt",
                table: "Offices",
                sql: "(\"Status\" = 'Closed') = (\"ClosedAt\" IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Offices_Latitude",
                table: "Offices",
                sql: "\"Latitude\" BETWEEN -90 AND 90");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Offices_Longitude",
                table: "Offices",
                sql: "\"Longitude\" BETWEEN -180 AND 180");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Offices_FieldsOfAction",
                table: "Offices");

            migrationBuilder.DropIndex(
                name: "IX_Offices_Languages",
                table: "Offices");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Offices_ClosedAt",
                table: "Offices");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Offices_Latitude",
                table: "Offices");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Offices_Longitude",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Accessibility",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Contact",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "FieldsOfAction",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Funding",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Partners",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ProjectArea",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Offices");
        }
    }
}
