package com.salescopilot.knowledge.index;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.JsonWithInt;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.PointsGrpc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Qdrant server in the test's process: an in-process gRPC server implementing the parts of Qdrant's
 * Collections service (exists, create, get, delete) and Points service (upsert, search with filters,
 * delete by ids or filter, count) that the application's {@code QdrantVectorIndex} and LangChain4j's
 * {@code QdrantEmbeddingStore} call, with the points in memory and cosine similarity. Calls are counted so
 * tests can see what reached "Qdrant".
 */
public final class FakeQdrant implements AutoCloseable {

    record Point(String id, float[] vector, Map<String, JsonWithInt.Value> payload) {
    }

    record Collection(int dimension, Collections.Distance distance, Map<String, Point> points) {
    }

    final Map<String, Collection> collections = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final String name = "fake-qdrant-" + UUID.randomUUID();
    private final Server server;
    private final ManagedChannel channel;
    private volatile boolean failing;

    public FakeQdrant() {
        try {
            server = InProcessServerBuilder.forName(name).directExecutor()
                    .addService(new CollectionsService()).addService(new PointsService()).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    /** A client on this server (version check off: the fake has no Qdrant service). */
    public QdrantClient client() {
        return new QdrantClient(QdrantGrpcClient.newBuilder(channel, false, false).build());
    }

    /** While true, every call fails with UNAVAILABLE (as a Qdrant that is down). */
    public void failing(boolean fail) {
        failing = fail;
    }

    public int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    public int points(String collection) {
        Collection c = collections.get(collection);
        return c == null ? 0 : c.points().size();
    }

    public Map<String, JsonWithInt.Value> payloadOf(String collection, UUID pointId) {
        Point p = collections.get(collection).points().get(pointId.toString());
        return p == null ? null : p.payload();
    }

    private boolean refuse(String method, StreamObserver<?> observer) {
        calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
        if (failing) {
            observer.onError(Status.UNAVAILABLE.withDescription("fake Qdrant is down").asRuntimeException());
            return true;
        }
        return false;
    }

    private Collection collection(String name, StreamObserver<?> observer) {
        Collection c = collections.get(name);
        if (c == null) {
            observer.onError(Status.NOT_FOUND.withDescription("Collection `" + name + "` doesn't exist!")
                    .asRuntimeException());
        }
        return c;
    }

    private final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {

        @Override
        public void collectionExists(Collections.CollectionExistsRequest request,
                                     StreamObserver<Collections.CollectionExistsResponse> observer) {
            if (refuse("collectionExists", observer)) {
                return;
            }
            observer.onNext(Collections.CollectionExistsResponse.newBuilder().setResult(
                    Collections.CollectionExists.newBuilder().setExists(collections.containsKey(request.getCollectionName())))
                    .build());
            observer.onCompleted();
        }

        @Override
        public void create(Collections.CreateCollection request,
                           StreamObserver<Collections.CollectionOperationResponse> observer) {
            if (refuse("create", observer)) {
                return;
            }
            if (collections.containsKey(request.getCollectionName())) {
                observer.onError(Status.ALREADY_EXISTS.withDescription("exists").asRuntimeException());
                return;
            }
            Collections.VectorParams params = request.getVectorsConfig().getParams();
            collections.put(request.getCollectionName(),
                    new Collection((int) params.getSize(), params.getDistance(), new ConcurrentHashMap<>()));
            observer.onNext(Collections.CollectionOperationResponse.newBuilder().setResult(true).build());
            observer.onCompleted();
        }

        @Override
        public void get(Collections.GetCollectionInfoRequest request,
                        StreamObserver<Collections.GetCollectionInfoResponse> observer) {
            if (refuse("get", observer)) {
                return;
            }
            Collection c = collection(request.getCollectionName(), observer);
            if (c == null) {
                return;
            }
            Collections.VectorParams params = Collections.VectorParams.newBuilder().setSize(c.dimension())
                    .setDistance(c.distance()).build();
            Collections.CollectionInfo info = Collections.CollectionInfo.newBuilder()
                    .setStatus(Collections.CollectionStatus.Green)
                    .setPointsCount(c.points().size())
                    .setConfig(Collections.CollectionConfig.newBuilder().setParams(Collections.CollectionParams.newBuilder()
                            .setVectorsConfig(Collections.VectorsConfig.newBuilder().setParams(params))))
                    .build();
            observer.onNext(Collections.GetCollectionInfoResponse.newBuilder().setResult(info).build());
            observer.onCompleted();
        }

        @Override
        public void delete(Collections.DeleteCollection request,
                           StreamObserver<Collections.CollectionOperationResponse> observer) {
            if (refuse("deleteCollection", observer)) {
                return;
            }
            boolean removed = collections.remove(request.getCollectionName()) != null;
            observer.onNext(Collections.CollectionOperationResponse.newBuilder().setResult(removed).build());
            observer.onCompleted();
        }
    }

    private final class PointsService extends PointsGrpc.PointsImplBase {

        @Override
        public void upsert(Points.UpsertPoints request, StreamObserver<Points.PointsOperationResponse> observer) {
            if (refuse("upsert", observer)) {
                return;
            }
            Collection c = collection(request.getCollectionName(), observer);
            if (c == null) {
                return;
            }
            for (Points.PointStruct p : request.getPointsList()) {
                Points.Vector v = p.getVectors().getVector();
                List<Float> data = v.hasDense() ? v.getDense().getDataList() : v.getDataList();
                if (data.size() != c.dimension()) {
                    observer.onError(Status.INVALID_ARGUMENT.withDescription("Wrong input: Vector dimension error: "
                            + "expected dim: " + c.dimension() + ", got " + data.size()).asRuntimeException());
                    return;
                }
                float[] vector = new float[data.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = data.get(i);
                }
                c.points().put(id(p.getId()), new Point(id(p.getId()), vector, Map.copyOf(p.getPayloadMap())));
            }
            completed(observer);
        }

        @Override
        public void delete(Points.DeletePoints request, StreamObserver<Points.PointsOperationResponse> observer) {
            if (refuse("delete", observer)) {
                return;
            }
            Collection c = collection(request.getCollectionName(), observer);
            if (c == null) {
                return;
            }
            Points.PointsSelector selector = request.getPoints();
            if (selector.hasPoints()) {
                selector.getPoints().getIdsList().forEach(id -> c.points().remove(id(id)));
            } else if (selector.hasFilter()) {
                c.points().values().removeIf(p -> matches(selector.getFilter(), p.payload()));
            }
            completed(observer);
        }

        @Override
        public void search(Points.SearchPoints request, StreamObserver<Points.SearchResponse> observer) {
            if (refuse("search", observer)) {
                return;
            }
            Collection c = collection(request.getCollectionName(), observer);
            if (c == null) {
                return;
            }
            float[] query = new float[request.getVectorCount()];
            for (int i = 0; i < query.length; i++) {
                query[i] = request.getVector(i);
            }
            List<Points.ScoredPoint> scored = new ArrayList<>();
            for (Point p : c.points().values()) {
                if (request.hasFilter() && !matches(request.getFilter(), p.payload())) {
                    continue;
                }
                Points.ScoredPoint.Builder b = Points.ScoredPoint.newBuilder()
                        .setId(Common.PointId.newBuilder().setUuid(p.id()))
                        .setScore(cosine(query, p.vector()));
                if (request.getWithPayload().getEnable()) {
                    b.putAllPayload(p.payload());
                }
                if (request.getWithVectors().getEnable()) {
                    Points.VectorOutput.Builder out = Points.VectorOutput.newBuilder();
                    for (float f : p.vector()) {
                        out.addData(f);
                    }
                    b.setVectors(Points.VectorsOutput.newBuilder().setVector(out));
                }
                scored.add(b.build());
            }
            scored.sort(Comparator.comparingDouble(Points.ScoredPoint::getScore).reversed());
            List<Points.ScoredPoint> top = scored.subList(0, (int) Math.min(scored.size(), request.getLimit()));
            observer.onNext(Points.SearchResponse.newBuilder().addAllResult(top).build());
            observer.onCompleted();
        }

        @Override
        public void count(Points.CountPoints request, StreamObserver<Points.CountResponse> observer) {
            if (refuse("count", observer)) {
                return;
            }
            Collection c = collection(request.getCollectionName(), observer);
            if (c == null) {
                return;
            }
            long n = c.points().values().stream()
                    .filter(p -> !request.hasFilter() || matches(request.getFilter(), p.payload())).count();
            observer.onNext(Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder().setCount(n))
                    .build());
            observer.onCompleted();
        }

        private void completed(StreamObserver<Points.PointsOperationResponse> observer) {
            observer.onNext(Points.PointsOperationResponse.newBuilder().setResult(Points.UpdateResult.newBuilder()
                    .setStatus(Points.UpdateStatus.Completed)).build());
            observer.onCompleted();
        }
    }

    private static String id(Common.PointId id) {
        return id.hasUuid() ? id.getUuid() : String.valueOf(id.getNum());
    }

    static float cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : (float) (dot / Math.sqrt(na * nb));
    }

    /** Qdrant's filter semantics for what the adapter sends: must (all), should (any), must_not (none). */
    static boolean matches(Common.Filter filter, Map<String, JsonWithInt.Value> payload) {
        for (Common.Condition c : filter.getMustList()) {
            if (!matches(c, payload)) {
                return false;
            }
        }
        for (Common.Condition c : filter.getMustNotList()) {
            if (matches(c, payload)) {
                return false;
            }
        }
        if (filter.getShouldCount() > 0) {
            return filter.getShouldList().stream().anyMatch(c -> matches(c, payload));
        }
        return true;
    }

    private static boolean matches(Common.Condition condition, Map<String, JsonWithInt.Value> payload) {
        if (condition.hasFilter()) {
            return matches(condition.getFilter(), payload);
        }
        if (!condition.hasField()) {
            throw new UnsupportedOperationException("The fake Qdrant does not support " + condition);
        }
        Common.FieldCondition field = condition.getField();
        JsonWithInt.Value value = payload.get(field.getKey());
        Common.Match match = field.getMatch();
        String actual = value == null ? null : value.hasStringValue() ? value.getStringValue()
                : value.hasIntegerValue() ? String.valueOf(value.getIntegerValue()) : null;
        return switch (match.getMatchValueCase()) {
            case KEYWORD -> match.getKeyword().equals(actual);
            case KEYWORDS -> actual != null && match.getKeywords().getStringsList().contains(actual);
            case EXCEPT_KEYWORDS -> actual == null || !match.getExceptKeywords().getStringsList().contains(actual);
            case INTEGER -> actual != null && String.valueOf(match.getInteger()).equals(actual);
            // without a full-text index on the field, Qdrant matches text as a substring
            case TEXT -> actual != null && actual.contains(match.getText());
            default -> throw new UnsupportedOperationException("The fake Qdrant does not support the match " + match);
        };
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
