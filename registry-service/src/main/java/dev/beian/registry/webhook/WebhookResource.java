package dev.beian.registry.webhook;

import dev.beian.common.problem.Problem;
import dev.beian.registry.rest.Headers;
import dev.beian.registry.rest.QueryParams;
import dev.beian.registry.rest.Responses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Set;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Push subscriptions on the change feed, signed per Standard Webhooks 1.0 (editor role)")
public class WebhookResource {

    private static final String CREATE_EXAMPLE = """
            {"url": "https://example.com/beian-hook", "events": ["filing.created", "filing.status-changed"],
             "filter": {"jurisdiction": "CN-BJ", "kind": "FILING", "category": "TEXT"}}""";

    private final WebhookService webhooks;
    private final WebhookDispatcher dispatcher;

    public WebhookResource(WebhookService webhooks, WebhookDispatcher dispatcher) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to change events",
            description = "Events committed from now on are POSTed to the URL, in feed order, at least once, with the headers "
                    + "webhook-id, webhook-timestamp and webhook-signature of Standard Webhooks 1.0. The answer holds the "
                    + "signing secret (whsec_...), which is never shown again. Event types: " + "filing.created, filing.updated, "
                    + "filing.status-changed, filing.deleted, organization.created, organization.updated, organization.deleted, "
                    + "deployment.created, deployment.updated, deployment.deleted.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WebhookInput.class),
            examples = @ExampleObject(name = "filings of Beijing", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is in this answer only", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid subscription, or a URL that is not http(s) or points to a private, loopback or link-local address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull WebhookInput input,
                           @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        WebhookView view = webhooks.create(input, Headers.actor(actor));
        return Response.created(URI.create("/api/v1/webhooks/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Subscriptions, oldest first")
    @APIResponse(responseCode = "200", description = "A page of subscriptions; Link: rel=\"next\" when there are more", content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Context UriInfo uriInfo,
                         @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        QueryParams.onlyKnown(uriInfo, Set.of("limit", "cursor"));
        WebhookPage page = webhooks.list(cursor, QueryParams.limit(limit, 50, 200));
        return Responses.page(page, page.nextCursor(), uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read one subscription (without its secret)")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({Headers.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateWebhook", summary = "Change the URL, events or filter; pause or resume",
            description = "Fields left out stay as they are; a filter given replaces the filter. status PAUSED stops deliveries "
                    + "(events keep accumulating); ACTIVE resumes from where delivery stopped, also after FAILING, with fresh retries.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WebhookUpdate.class),
            examples = @ExampleObject(name = "pause", value = "{\"status\": \"PAUSED\"}")))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid change", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView update(@PathParam("id") long id, @Valid @NotNull WebhookUpdate update) {
        return webhooks.update(id, update);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe", description = "Deliveries stop; an attempt already under way may still arrive, and is not retried.")
    @APIResponse(responseCode = "204", description = "Deleted, with its delivery log")
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Issue a new signing secret",
            description = "The answer holds the new secret, shown once. For the overlap (24 hours by default) deliveries carry "
                    + "two signatures, by the new and the previous secret, separated by a space, so receivers can switch at leisure.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView rotateSecret(@PathParam("id") long id) {
        return webhooks.rotateSecret(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Delivery log of a subscription, newest first")
    @APIResponse(responseCode = "200", description = "A page of attempts", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deliveries(@PathParam("id") long id, @Context UriInfo uriInfo,
                               @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) @QueryParam("limit") String limit,
                               @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        QueryParams.onlyKnown(uriInfo, Set.of("limit", "cursor"));
        DeliveryPage page = webhooks.deliveries(id, cursor, QueryParams.limit(limit, 50, 200));
        return Responses.page(page, page.nextCursor(), uriInfo);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a logged event again, now",
            description = "One attempt, outside the ordered stream, with the same webhook-id; it is logged and does not move the "
                    + "subscription's position. Works while the subscription is paused or failing.")
    @APIResponse(responseCode = "200", description = "The new attempt (it may itself have failed: see succeeded)", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The event is no longer in the change feed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return dispatcher.redeliver(id, deliveryId);
    }
}
